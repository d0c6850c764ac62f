package dev.granary.crypto;

import java.util.Arrays;
import java.util.HexFormat;

import dev.granary.address.Address;
import dev.granary.address.Protocol;

/**
 * A typed signature as Filecoin stores it (go-state-types crypto.Signature). The serialized form,
 * which dag-cbor wraps in a byte string, is the type byte followed by the signature data.
 */
public record Signature(SignatureType type, byte[] data) {

    /** Serialized length limit (type byte included) that Lotus enforces when decoding. */
    public static final int MAX_LENGTH = 200;

    public Signature {
        if (type == null || data == null) {
            throw new CryptoFormatException("a signature needs a type and data");
        }
        if (1 + data.length > MAX_LENGTH) {
            throw new CryptoFormatException("signature of " + (1 + data.length) + " bytes is longer than the "
                    + MAX_LENGTH + "-byte limit");
        }
        data = data.clone();
    }

    /** Decodes type byte || data. */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new CryptoFormatException("empty signature bytes; expected a type byte followed by the signature");
        }
        if (bytes.length > MAX_LENGTH) {
            throw new CryptoFormatException("signature of " + bytes.length + " bytes is longer than the "
                    + MAX_LENGTH + "-byte limit");
        }
        return new Signature(SignatureType.byCode(bytes[0] & 0xff), Arrays.copyOfRange(bytes, 1, bytes.length));
    }

    /** Type byte || data. */
    public byte[] bytes() {
        byte[] out = new byte[1 + data.length];
        out[0] = (byte) type.code();
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Whether this signs {@code message} for {@code signer}, with Lotus' rules: a secp256k1 signature
     * must recover a public key whose f1 address is the signer; a BLS signature must verify under the
     * public key that is the signer's f3 payload. Any other pairing of signature and address, and
     * every delegated signature, does not verify. Lotus signs a message's CID bytes.
     */
    public boolean verify(Address signer, byte[] message) {
        return switch (type) {
            case SECP256K1 -> signer.protocol() == Protocol.SECP256K1 && signer.equals(secp256k1Signer(message));
            case BLS -> signer.protocol() == Protocol.BLS && Bls.verify(data, message, signer.payload());
            case DELEGATED -> false;
        };
    }

    private Address secp256k1Signer(byte[] message) {
        try {
            return Address.secp256k1(Secp256k1.recoverPublicKey(data, message));
        } catch (CryptoFormatException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.type == type && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Signature[" + type + ", " + HexFormat.of().formatHex(data) + "]";
    }
}

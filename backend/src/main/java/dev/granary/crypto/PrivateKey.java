package dev.granary.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import dev.granary.address.Address;

/**
 * A wallet private key and its type, in Lotus' byte form (secp256k1 big-endian, BLS little-endian).
 * The bytes never appear in {@link #toString()}; {@link #bytes()} hands out a copy for export and
 * encryption only.
 */
public final class PrivateKey {

    private final KeyType type;
    private final byte[] key;
    private final byte[] publicKey;
    private final Address address;

    private PrivateKey(KeyType type, byte[] key) {
        this.type = type;
        this.key = key;
        this.publicKey = switch (type) {
            case SECP256K1 -> Secp256k1.publicKey(key);
            case BLS -> Bls.publicKey(key);
        };
        this.address = switch (type) {
            case SECP256K1 -> Secp256k1.address(publicKey);
            case BLS -> Bls.address(publicKey);
        };
    }

    /** A key from its bytes; rejects a wrong length or a scalar outside the group order. */
    public static PrivateKey of(KeyType type, byte[] key) {
        boolean valid = switch (type) {
            case SECP256K1 -> Secp256k1.isValidPrivateKey(key);
            case BLS -> Bls.isValidPrivateKey(key);
        };
        if (!valid) {
            throw new CryptoFormatException("not a valid " + type.lotusName() + " private key: expected 32 bytes"
                    + " holding a non-zero scalar below the group order"
                    + (key == null || key.length == 32 ? "" : ", got " + key.length + " bytes"));
        }
        return new PrivateKey(type, key.clone());
    }

    public static PrivateKey generate(KeyType type, SecureRandom random) {
        return new PrivateKey(type, switch (type) {
            case SECP256K1 -> Secp256k1.generatePrivateKey(random);
            case BLS -> Bls.generatePrivateKey(random);
        });
    }

    public KeyType type() {
        return type;
    }

    /** A copy of the private key bytes. Handle with care: export and encryption at rest only. */
    public byte[] bytes() {
        return key.clone();
    }

    /** 65-byte uncompressed secp256k1 point, or 48-byte compressed BLS G1 point. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The f1 or f3 address of this key. */
    public Address address() {
        return address;
    }

    /** Signs {@code message} as Lotus does for this key type (for messages: the CID bytes). */
    public Signature sign(byte[] message) {
        byte[] data = switch (type) {
            case SECP256K1 -> Secp256k1.sign(key, message);
            case BLS -> Bls.sign(key, message);
        };
        return new Signature(type.signatureType(), data);
    }

    /** Constant-time comparison of the private bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PrivateKey k && k.type == type && MessageDigest.isEqual(k.key, key);
    }

    /** From the public key, so that the hash reveals nothing private. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "PrivateKey[" + type.lotusName() + ", " + address + ", private bytes redacted]";
    }
}

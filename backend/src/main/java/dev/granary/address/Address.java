package dev.granary.address;

import java.util.Arrays;
import java.util.Locale;

import dev.granary.address.AddressException.Reason;

/**
 * A Filecoin address (go-address): a protocol byte followed by a payload. The text form is the
 * network letter, the protocol digit, then the decimal ID (protocol 0) or base32 of payload and a
 * 4-byte blake2b checksum of protocol byte and payload (protocol 4 puts its namespace in decimal and
 * an 'f' before the base32 of the subaddress). Instances are immutable and always valid.
 */
public final class Address implements Comparable<Address> {

    public static final int PAYLOAD_HASH_LENGTH = AddressHash.PAYLOAD_LENGTH;
    public static final int CHECKSUM_LENGTH = AddressHash.CHECKSUM_LENGTH;
    public static final int BLS_PUBLIC_KEY_LENGTH = 48;
    public static final int SECP256K1_PUBLIC_KEY_LENGTH = 65;
    public static final int MAX_SUBADDRESS_LENGTH = 54;
    /** Digits of the largest ID, 2^63 - 1. */
    public static final int MAX_ID_DIGITS = 19;
    /** "f4", a 19-digit namespace, "f", and base32 of a 54-byte subaddress with its checksum. */
    public static final int MAX_STRING_LENGTH = 2 + MAX_ID_DIGITS + 1 + 93;
    /** A delegated address with a 9-byte namespace and the longest subaddress. */
    public static final int MAX_BYTES_LENGTH = 1 + 9 + MAX_SUBADDRESS_LENGTH;

    private final byte[] bytes;

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address ofId(long id) {
        if (id < 0) {
            throw new AddressException(Reason.INVALID_PAYLOAD, "actor IDs are 0 to 2^63-1, got " + id);
        }
        return new Address(concat(Protocol.ID, Uvarint.encode(id), new byte[0]));
    }

    /** The f1 address of an uncompressed (0x04-prefixed, 65-byte) secp256k1 public key. */
    public static Address secp256k1(byte[] publicKey) {
        if (publicKey.length != SECP256K1_PUBLIC_KEY_LENGTH || publicKey[0] != 0x04) {
            throw new AddressException(Reason.INVALID_PAYLOAD, "a secp256k1 address is derived from the 65-byte"
                    + " uncompressed public key (starting 0x04), got " + publicKey.length + " bytes");
        }
        return new Address(concat(Protocol.SECP256K1, AddressHash.payload(publicKey), new byte[0]));
    }

    /** The f2 address for actor-creation data (the hash is taken here). */
    public static Address actor(byte[] data) {
        return new Address(concat(Protocol.ACTOR, AddressHash.payload(data), new byte[0]));
    }

    /** The f3 address of a 48-byte compressed BLS12-381 G1 public key. */
    public static Address bls(byte[] publicKey) {
        if (publicKey.length != BLS_PUBLIC_KEY_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "a BLS address holds a " + BLS_PUBLIC_KEY_LENGTH
                    + "-byte public key, got " + publicKey.length + " bytes");
        }
        return new Address(concat(Protocol.BLS, publicKey, new byte[0]));
    }

    /** The f4 address of {@code subaddress} in the namespace of actor {@code namespace}. */
    public static Address delegated(long namespace, byte[] subaddress) {
        if (namespace < 0) {
            throw new AddressException(Reason.INVALID_PAYLOAD, "namespaces are actor IDs 0 to 2^63-1, got " + namespace);
        }
        if (subaddress.length > MAX_SUBADDRESS_LENGTH) {
            throw new AddressException(Reason.INVALID_LENGTH, "a delegated subaddress is at most "
                    + MAX_SUBADDRESS_LENGTH + " bytes, got " + subaddress.length);
        }
        return new Address(concat(Protocol.DELEGATED, Uvarint.encode(namespace), subaddress));
    }

    /** Decodes the byte form (protocol byte || payload), as addresses appear in dag-cbor. */
    public static Address fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new AddressException(Reason.INVALID_LENGTH, "empty address bytes");
        }
        if (bytes.length == 1) {
            throw new AddressException(Reason.INVALID_LENGTH, "address bytes have a protocol byte but no payload");
        }
        Protocol protocol = Protocol.byCode(bytes[0] & 0xff);
        int payload = bytes.length - 1;
        switch (protocol) {
            case ID -> {
                Uvarint.Decoded id = Uvarint.decode(bytes, 1, "ID");
                if (id.end() != bytes.length) {
                    throw new AddressException(Reason.INVALID_LENGTH, "ID address bytes have "
                            + (bytes.length - id.end()) + " bytes after the ID varint");
                }
            }
            case SECP256K1, ACTOR -> requireLength(protocol, payload, PAYLOAD_HASH_LENGTH);
            case BLS -> requireLength(protocol, payload, BLS_PUBLIC_KEY_LENGTH);
            case DELEGATED -> {
                Uvarint.Decoded namespace = Uvarint.decode(bytes, 1, "delegated namespace");
                int subaddress = bytes.length - namespace.end();
                if (subaddress > MAX_SUBADDRESS_LENGTH) {
                    throw new AddressException(Reason.INVALID_LENGTH, "delegated subaddress of " + subaddress
                            + " bytes is longer than " + MAX_SUBADDRESS_LENGTH);
                }
            }
        }
        return new Address(bytes.clone());
    }

    private static void requireLength(Protocol protocol, int actual, int expected) {
        if (actual != expected) {
            throw new AddressException(Reason.INVALID_LENGTH, protocol.name().toLowerCase(Locale.ROOT) + " address payload must be "
                    + expected + " bytes, got " + actual);
        }
    }

    /** Parses an address of either network ("f01234", "t1..."). */
    public static Address parse(String text) {
        return AddressText.parse(text);
    }

    /** Parses an address and requires it to be written for {@code network}. */
    public static Address parse(String text, Network network) {
        Address address = AddressText.parse(text);
        if (text.charAt(0) != network.prefix()) {
            throw new AddressException(Reason.UNKNOWN_NETWORK, "'" + text + "' is a "
                    + Network.of(text).name().toLowerCase(Locale.ROOT) + " address; this node expects "
                    + network.name().toLowerCase(Locale.ROOT) + " addresses, starting '" + network.prefix() + "'");
        }
        return address;
    }

    public String toString(Network network) {
        return AddressText.format(this, network);
    }

    /** The mainnet form ("f..."); use {@link #toString(Network)} wherever the network is known. */
    @Override
    public String toString() {
        return toString(Network.MAINNET);
    }

    public Protocol protocol() {
        return Protocol.byCode(bytes[0]);
    }

    /** Protocol byte followed by payload. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] payload() {
        return Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    /** The actor ID of an ID address. */
    public long id() {
        requireProtocol(Protocol.ID);
        return Uvarint.decode(bytes, 1, "ID").value();
    }

    /** The namespace (an actor ID) of a delegated address. */
    public long namespace() {
        requireProtocol(Protocol.DELEGATED);
        return Uvarint.decode(bytes, 1, "delegated namespace").value();
    }

    /** The subaddress of a delegated address (e.g. a 20-byte Ethereum address in namespace 10). */
    public byte[] subaddress() {
        requireProtocol(Protocol.DELEGATED);
        return Arrays.copyOfRange(bytes, Uvarint.decode(bytes, 1, "delegated namespace").end(), bytes.length);
    }

    /** The checksum the text form carries: blake2b-32 of the address bytes. */
    public byte[] checksum() {
        return AddressHash.checksum(bytes);
    }

    private void requireProtocol(Protocol expected) {
        if (protocol() != expected) {
            throw new IllegalStateException(this + " is a " + protocol() + " address, not " + expected);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Orders by bytes, unsigned, as Go compares address strings. */
    @Override
    public int compareTo(Address other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    private static byte[] concat(Protocol protocol, byte[] first, byte[] second) {
        byte[] out = new byte[1 + first.length + second.length];
        out[0] = (byte) protocol.code();
        System.arraycopy(first, 0, out, 1, first.length);
        System.arraycopy(second, 0, out, 1 + first.length, second.length);
        return out;
    }
}

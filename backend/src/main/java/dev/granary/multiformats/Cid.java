package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier, version 1: varint(1) || varint(content codec) || multihash. The text form
 * is multibase base32 ("b..."). CIDv0 (bare base58btc sha2-256 multihashes) is not supported yet.
 */
public final class Cid {

    public static final int VERSION_1 = 1;

    private final long codec;
    private final Multihash multihash;

    private Cid(long codec, Multihash multihash) {
        this.codec = codec;
        this.multihash = multihash;
    }

    public static Cid v1(long codec, Multihash multihash) {
        if (codec < 0) {
            throw new IllegalArgumentException("codec must be non-negative, got " + codec);
        }
        return new Cid(codec, multihash);
    }

    public static Cid v1(Multicodec codec, Multihash multihash) {
        return v1(codec.code(), multihash);
    }

    /** Parses the text form; the message of a failure says what was wrong. */
    public static Cid parse(String text) {
        try {
            return fromBytes(Multibase.decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a CID: " + e.getMessage(), e);
        }
    }

    public static Cid fromBytes(byte[] bytes) {
        Varint.Decoded version = Varint.decode(bytes, 0);
        if (version.value() != VERSION_1) {
            throw new IllegalArgumentException("CID version " + version.value() + " is not supported (only 1)");
        }
        Varint.Decoded codec = Varint.decode(bytes, version.length());
        int multihashStart = version.length() + codec.length();
        Multihash.Decoded multihash = Multihash.decode(bytes, multihashStart);
        int extra = bytes.length - multihashStart - multihash.length();
        if (extra != 0) {
            throw new IllegalArgumentException(extra + " bytes follow the multihash");
        }
        return new Cid(codec.value(), multihash.multihash());
    }

    public int version() {
        return VERSION_1;
    }

    public long codec() {
        return codec;
    }

    public Multihash multihash() {
        return multihash;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(multihash.digestLength() + 8);
        Varint.write(VERSION_1, out);
        Varint.write(codec, out);
        multihash.write(out);
        return out.toByteArray();
    }

    /** The base32 text form. */
    @Override
    public String toString() {
        return Multibase.BASE32.encode(bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && c.codec == codec && c.multihash.equals(multihash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }
}

package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier.
 *
 * <ul>
 * <li>v1: varint(1) || varint(content codec) || multihash; text is multibase, base32 by default.</li>
 * <li>v0: a bare sha2-256 multihash of a dag-pb block (34 bytes, always "Qm..." in base58btc, no
 * multibase prefix). Its codec is dag-pb by definition.</li>
 * </ul>
 * Parsing follows go-cid: 46-character text starting "Qm" is v0, anything else is multibase; 34 bytes
 * starting 0x12 0x20 are v0, anything else must start with version 1.
 */
public final class Cid {

    public static final int VERSION_0 = 0;
    public static final int VERSION_1 = 1;

    private static final int V0_LENGTH = 34;
    private static final int V0_TEXT_LENGTH = 46;
    private static final int SHA2_256_LENGTH = 32;

    /** A CID decoded from the front of a longer byte string, and how many bytes it took. */
    public record Decoded(Cid cid, int length) {
    }

    private final int version;
    private final long codec;
    private final Multihash multihash;
    private final byte[] bytes;

    private Cid(int version, long codec, Multihash multihash) {
        this.version = version;
        this.codec = codec;
        this.multihash = multihash;
        this.bytes = version == VERSION_0 ? multihash.bytes() : v1Bytes(codec, multihash);
    }

    public static Cid v1(long codec, Multihash multihash) {
        if (codec < 0) {
            throw new IllegalArgumentException("codec must be non-negative, got " + codec);
        }
        return new Cid(VERSION_1, codec, multihash);
    }

    public static Cid v1(Multicodec codec, Multihash multihash) {
        return v1(codec.code(), multihash);
    }

    /** A CIDv0; only a 32-byte sha2-256 multihash can be one. */
    public static Cid v0(Multihash multihash) {
        if (multihash.code() != Multicodec.SHA2_256.code() || multihash.digestLength() != SHA2_256_LENGTH) {
            throw new IllegalArgumentException("a CIDv0 is a 32-byte sha2-256 multihash, got " + multihash);
        }
        return new Cid(VERSION_0, Multicodec.DAG_PB.code(), multihash);
    }

    /** The CIDv1 of {@code data}: its codec, and the hash {@code function} applied to it. */
    public static Cid of(Multicodec codec, Multicodec function, byte[] data) {
        return v1(codec, Multihash.sum(function, data));
    }

    /** {@link #of(Multicodec, Multicodec, byte[])} by codes. */
    public static Cid of(long codec, long functionCode, byte[] data) {
        return v1(codec, Multihash.sum(functionCode, data));
    }

    /** Parses the text form; the message of a failure says what was wrong. */
    public static Cid parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new FormatException("empty text is not a CID");
        }
        try {
            if (text.length() == V0_TEXT_LENGTH && text.startsWith("Qm")) {
                return fromBytes(Multibase.BASE58BTC.decodeBare(text));
            }
            return fromBytes(Multibase.decode(text));
        } catch (FormatException e) {
            throw new FormatException(FormatException.quote(text) + " is not a CID: " + e.getMessage(), e);
        }
    }

    /** Decodes exactly one CID; bytes after it are an error. */
    public static Cid fromBytes(byte[] bytes) {
        Decoded decoded = decode(bytes, 0);
        int extra = bytes.length - decoded.length();
        if (extra != 0) {
            throw new FormatException(extra + " bytes follow the " + (decoded.cid.version == VERSION_0 ? "CIDv0" : "multihash"));
        }
        return decoded.cid();
    }

    /** Decodes the CID at the front of {@code bytes[offset..]}, as a CAR section or a dagstore key holds it. */
    public static Decoded decode(byte[] bytes, int offset) {
        if (bytes.length - offset >= 2 && bytes[offset] == Multicodec.SHA2_256.code() && bytes[offset + 1] == SHA2_256_LENGTH) {
            if (bytes.length - offset < V0_LENGTH) {
                throw new FormatException("CIDv0 at byte " + offset + " is truncated: " + (bytes.length - offset)
                        + " of " + V0_LENGTH + " bytes");
            }
            byte[] digest = Arrays.copyOfRange(bytes, offset + 2, offset + V0_LENGTH);
            return new Decoded(v0(Multihash.of(Multicodec.SHA2_256, digest)), V0_LENGTH);
        }
        Varint.Decoded version = Varint.decode(bytes, offset);
        if (version.value() != VERSION_1) {
            throw new FormatException("CID version " + version.value() + " is not supported (only a bare CIDv0 "
                    + "multihash or version 1)");
        }
        Varint.Decoded codec = Varint.decode(bytes, offset + version.length());
        int multihashStart = offset + version.length() + codec.length();
        Multihash.Decoded multihash = Multihash.decode(bytes, multihashStart);
        return new Decoded(new Cid(VERSION_1, codec.value(), multihash.multihash()),
                multihashStart + multihash.length() - offset);
    }

    public int version() {
        return version;
    }

    /** The content codec; dag-pb for a CIDv0. */
    public long codec() {
        return codec;
    }

    public Multihash multihash() {
        return multihash;
    }

    /** The binary form: the bare multihash for v0, version || codec || multihash for v1. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The same content as a CIDv1 (a v1 CID is returned as it is). */
    public Cid toV1() {
        return version == VERSION_1 ? this : new Cid(VERSION_1, codec, multihash);
    }

    /** The default text form: bare base58btc for v0, base32 for v1. */
    @Override
    public String toString() {
        return version == VERSION_0 ? Multibase.BASE58BTC.encodeBare(bytes) : Multibase.BASE32.encode(bytes);
    }

    /** The text form in {@code base}; a CIDv0 has only its bare base58btc form. */
    public String toString(Multibase base) {
        if (version == VERSION_0) {
            if (base != Multibase.BASE58BTC) {
                throw new IllegalArgumentException("a CIDv0 is written only in bare base58btc, not " + base.label());
            }
            return toString();
        }
        return base.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cid c && Arrays.equals(c.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    private static byte[] v1Bytes(long codec, Multihash multihash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(multihash.digestLength() + 8);
        Varint.write(VERSION_1, out);
        Varint.write(codec, out);
        multihash.write(out);
        return out.toByteArray();
    }
}

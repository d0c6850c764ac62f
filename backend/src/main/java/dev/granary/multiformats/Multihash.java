package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/** A self-describing digest: varint(hash function code) || varint(digest length) || digest. */
public record Multihash(long code, byte[] digest) {

    /** A decoded multihash and how many bytes it took. */
    public record Decoded(Multihash multihash, int length) {
    }

    public Multihash {
        if (code < 0) {
            throw new IllegalArgumentException("multihash code must be non-negative, got " + code);
        }
        digest = digest.clone();
    }

    public static Multihash of(Multicodec function, byte[] digest) {
        return new Multihash(function.code(), digest);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    public int digestLength() {
        return digest.length;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(digest.length + 4);
        write(out);
        return out.toByteArray();
    }

    void write(ByteArrayOutputStream out) {
        Varint.write(code, out);
        Varint.write(digest.length, out);
        out.writeBytes(digest);
    }

    /** Decodes the multihash starting at {@code offset}; bytes after it are left to the caller. */
    public static Decoded decode(byte[] bytes, int offset) {
        Varint.Decoded code = Varint.decode(bytes, offset);
        Varint.Decoded length = Varint.decode(bytes, offset + code.length());
        int start = offset + code.length() + length.length();
        if (length.value() > bytes.length - start) {
            throw new IllegalArgumentException("multihash " + Multicodec.describe(code.value()) + " declares a "
                    + length.value() + "-byte digest but only " + (bytes.length - start) + " bytes follow");
        }
        byte[] digest = Arrays.copyOfRange(bytes, start, start + (int) length.value());
        return new Decoded(new Multihash(code.value(), digest), start + digest.length - offset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Multihash m && m.code == code && Arrays.equals(m.digest, digest);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(code) * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "Multihash[" + Multicodec.describe(code) + ", " + HexFormat.of().formatHex(digest) + "]";
    }
}

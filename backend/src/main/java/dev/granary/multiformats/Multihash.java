package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

    /**
     * Hashes {@code data} with sha2-256, blake2b-256 or identity. The piece-commitment functions are
     * Merkle roots over Fr32-padded data, computed by dev.granary.piece, not here.
     */
    public static Multihash sum(Multicodec function, byte[] data) {
        return switch (function) {
            case SHA2_256 -> new Multihash(function.code(), sha256(data));
            case BLAKE2B_256 -> new Multihash(function.code(), blake2b256(data));
            case IDENTITY -> new Multihash(function.code(), data);
            default -> throw new IllegalArgumentException("cannot hash data with " + Multicodec.describe(function.code())
                    + ": supported are sha2-256, blake2b-256 and identity");
        };
    }

    /** {@link #sum(Multicodec, byte[])} by the function's code. */
    public static Multihash sum(long functionCode, byte[] data) {
        Multicodec function = Multicodec.byCode(functionCode).orElseThrow(() -> new IllegalArgumentException(
                "cannot hash data with unknown function " + Multicodec.describe(functionCode)));
        return sum(function, data);
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

    /** Decodes a whole multihash; bytes after it are an error. */
    public static Multihash fromBytes(byte[] bytes) {
        Decoded decoded = decode(bytes, 0);
        int extra = bytes.length - decoded.length();
        if (extra != 0) {
            throw new FormatException(extra + " bytes follow the multihash");
        }
        return decoded.multihash();
    }

    /** Decodes the multihash starting at {@code offset}; bytes after it are left to the caller. */
    public static Decoded decode(byte[] bytes, int offset) {
        Varint.Decoded code = Varint.decode(bytes, offset);
        Varint.Decoded length = Varint.decode(bytes, offset + code.length());
        int start = offset + code.length() + length.length();
        if (length.value() > bytes.length - start) {
            throw new FormatException("multihash " + Multicodec.describe(code.value()) + " declares a "
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

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static byte[] blake2b256(byte[] data) {
        return Blake2b.sum256(data);
    }
}

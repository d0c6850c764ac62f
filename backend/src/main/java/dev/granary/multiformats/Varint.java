package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;

/**
 * Unsigned LEB128 varints as multiformats uses them: seven bits per byte, low bits first, the high
 * bit marking continuation; at most 9 bytes (63 bits) and minimally encoded.
 */
public final class Varint {

    public static final int MAX_BYTES = 9;

    /** A decoded value and how many bytes it took. */
    public record Decoded(long value, int length) {
    }

    private Varint() {
    }

    public static byte[] encode(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        write(value, out);
        return out.toByteArray();
    }

    public static void write(long value, ByteArrayOutputStream out) {
        if (value < 0) {
            throw new IllegalArgumentException("varints are unsigned 63-bit values, got " + value);
        }
        long v = value;
        while (v >= 0x80) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    public static int encodedLength(long value) {
        return encode(value).length;
    }

    /** Decodes the varint starting at {@code offset}; a malformed one throws {@link FormatException}. */
    public static Decoded decode(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= bytes.length) {
                throw new FormatException("varint at byte " + offset + " is truncated");
            }
            int b = bytes[offset + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                // A zero last byte (after the first) means the same value fits in fewer bytes.
                if (b == 0 && i > 0) {
                    throw new FormatException("varint at byte " + offset + " is not minimally encoded");
                }
                return new Decoded(value, i + 1);
            }
        }
        throw new FormatException("varint at byte " + offset + " is longer than " + MAX_BYTES + " bytes");
    }
}

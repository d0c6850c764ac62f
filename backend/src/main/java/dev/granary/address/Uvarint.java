package dev.granary.address;

import java.io.ByteArrayOutputStream;

import dev.granary.address.AddressException.Reason;

/**
 * The unsigned varints of ID and delegated addresses, with go-varint's rules: minimal encoding, at
 * most 9 bytes, values below 2^63. Kept here rather than shared so that address validity cannot
 * drift with changes to other varint users.
 */
final class Uvarint {

    private static final int MAX_BYTES = 9;

    record Decoded(long value, int end) {
    }

    private Uvarint() {
    }

    static byte[] encode(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) (v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    /** Decodes the varint at {@code offset}; {@code what} names it in error messages. */
    static Decoded decode(byte[] bytes, int offset, String what) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= bytes.length) {
                throw new AddressException(Reason.INVALID_PAYLOAD, what + " varint is truncated");
            }
            int b = bytes[offset + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new AddressException(Reason.INVALID_PAYLOAD, what + " varint is not minimally encoded");
                }
                // Nine groups of seven bits are 63 bits, so the value is always below 2^63.
                return new Decoded(value, offset + i + 1);
            }
        }
        throw new AddressException(Reason.INVALID_PAYLOAD, what + " varint is longer than " + MAX_BYTES
                + " bytes (values must be below 2^63)");
    }
}

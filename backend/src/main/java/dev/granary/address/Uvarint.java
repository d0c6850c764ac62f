package dev.granary.address;

import dev.granary.address.AddressException.Reason;
import dev.granary.multiformats.FormatException;
import dev.granary.multiformats.Varint;

/**
 * The unsigned varints of ID and delegated addresses follow go-varint's rules (minimal, at most 9
 * bytes, below 2^63), which are multiformats' varint rules; this only turns errors into address errors.
 */
final class Uvarint {

    record Decoded(long value, int end) {
    }

    private Uvarint() {
    }

    static byte[] encode(long value) {
        return Varint.encode(value);
    }

    /** Decodes the varint at {@code offset}; {@code what} names it in error messages. */
    static Decoded decode(byte[] bytes, int offset, String what) {
        try {
            Varint.Decoded d = Varint.decode(bytes, offset);
            return new Decoded(d.value(), offset + d.length());
        } catch (FormatException e) {
            throw new AddressException(Reason.INVALID_PAYLOAD, what + " " + e.getMessage());
        }
    }
}

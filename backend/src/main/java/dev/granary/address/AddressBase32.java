package dev.granary.address;

import dev.granary.multiformats.Base32;
import dev.granary.multiformats.FormatException;

/**
 * go-address's base32 (lower case, no padding, canonical: unused trailing bits must be zero) is the
 * multibase one; this only turns its errors into address errors.
 */
final class AddressBase32 {

    private AddressBase32() {
    }

    static String encode(byte[] data) {
        return Base32.encode(data);
    }

    /** Decodes {@code text}; {@code offset} is where it starts in the whole address, for messages. */
    static byte[] decode(String text, int offset) {
        try {
            return Base32.decode(text, offset + 1);
        } catch (FormatException e) {
            throw new AddressException(AddressException.Reason.INVALID_ENCODING, e.getMessage());
        }
    }
}

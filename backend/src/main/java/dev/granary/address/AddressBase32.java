package dev.granary.address;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32, lower-case alphabet, no padding, as go-address writes payload and checksum.
 * Decoding is canonical (go-address re-encodes and compares): unused trailing bits must be zero, so
 * each address has exactly one text form.
 */
final class AddressBase32 {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private AddressBase32() {
    }

    static String encode(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int acc = 0;
        int bits = 0;
        for (byte b : data) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((acc >>> (bits - 5)) & 31));
                bits -= 5;
            }
            acc &= (1 << bits) - 1;
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((acc << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Decodes {@code text}; {@code offset} is where it starts in the whole address, for messages. */
    static byte[] decode(String text, int offset) {
        // 8 characters carry 5 bytes; 1, 3 or 6 left over cannot end on a byte boundary.
        int rest = text.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new AddressException(AddressException.Reason.INVALID_ENCODING, "base32 part of " + text.length()
                    + " characters cannot be whole bytes (the address is truncated or has extra characters)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new AddressException(AddressException.Reason.INVALID_ENCODING, "character '" + c
                        + "' at position " + (offset + i + 1) + " is not lower-case base32 (a-z, 2-7)");
            }
            acc = (acc << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write(acc >>> (bits - 8));
                bits -= 8;
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0) {
            throw new AddressException(AddressException.Reason.INVALID_ENCODING,
                    "the last base32 character has non-zero unused bits; the address is not in canonical form");
        }
        return out.toByteArray();
    }
}

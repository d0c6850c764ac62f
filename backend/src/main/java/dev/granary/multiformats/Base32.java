package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;

/** RFC 4648 base32, lower case, without padding: the multibase 'b' body. */
public final class Base32 {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private Base32() {
    }

    public static String encode(byte[] data) {
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

    /** {@code firstPosition} is the 1-based position of body's first character in the caller's text. */
    public static byte[] decode(String body, int firstPosition) {
        // 5-bit groups left over after whole bytes: 0, 2, 4, 5 or 7 characters per 8 are valid.
        int rest = body.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new FormatException("base32 text of " + body.length() + " characters is truncated");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 5 / 8);
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = c < 128 ? ALPHABET.indexOf(c) : -1;
            if (value < 0) {
                throw new FormatException(Multibase.describeChar(c) + " at position " + (firstPosition + i)
                        + " is not a lower-case base32 character");
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
            // Another encoder would have written zero bits there; accepting them would give one value two texts.
            throw new FormatException("base32 text has non-zero bits after its last byte");
        }
        return out.toByteArray();
    }
}

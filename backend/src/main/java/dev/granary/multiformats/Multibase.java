package dev.granary.multiformats;

import java.io.ByteArrayOutputStream;

/**
 * Multibase: a text encoding of bytes whose first character names the base. Only base32 (lower
 * case, no padding, prefix 'b'), the default for CIDv1, is implemented so far.
 */
public enum Multibase {

    BASE32('b', "base32");

    private static final String BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private final char prefix;
    private final String label;

    Multibase(char prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public char prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    /** The prefixed text form of {@code data}. */
    public String encode(byte[] data) {
        StringBuilder out = new StringBuilder(1 + (data.length * 8 + 4) / 5).append(prefix);
        int acc = 0;
        int bits = 0;
        for (byte b : data) {
            acc = (acc << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32_ALPHABET.charAt((acc >>> (bits - 5)) & 31));
                bits -= 5;
            }
            acc &= (1 << bits) - 1;
        }
        if (bits > 0) {
            out.append(BASE32_ALPHABET.charAt((acc << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Decodes prefixed text, choosing the base by its first character. */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty multibase string");
        }
        char first = text.charAt(0);
        for (Multibase base : values()) {
            if (base.prefix == first) {
                return base.decodeBody(text.substring(1));
            }
        }
        throw new IllegalArgumentException("unsupported multibase prefix '" + first + "' (supported: 'b' base32)");
    }

    private byte[] decodeBody(String body) {
        // 5-bit groups left over after whole bytes: 0, 2, 4, 5 or 7 characters per 8 are valid.
        int rest = body.length() % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException(label + " text of " + body.length() + " characters is truncated");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() * 5 / 8);
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = BASE32_ALPHABET.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("'" + body.charAt(i) + "' at position " + (i + 1)
                        + " is not a lower-case " + label + " character");
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
            throw new IllegalArgumentException(label + " text has non-zero bits after its last byte");
        }
        return out.toByteArray();
    }
}

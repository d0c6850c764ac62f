package dev.granary.multiformats;

import java.util.Arrays;

/**
 * RFC 4648 base64 with the standard alphabet, with or without '=' padding. Decoding is strict: no
 * white space, padding exactly where it belongs (when padded), and zero bits after the last byte, so
 * each byte string has exactly one text.
 */
final class Base64 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = i;
        }
    }

    private Base64() {
    }

    static String encode(byte[] data, boolean padded) {
        java.util.Base64.Encoder encoder = java.util.Base64.getEncoder();
        return padded ? encoder.encodeToString(data) : encoder.withoutPadding().encodeToString(data);
    }

    static byte[] decode(String text, boolean padded, int firstPosition) {
        String label = padded ? "base64pad" : "base64";
        int length = text.length();
        if (padded) {
            if (length % 4 != 0) {
                throw new FormatException(label + " text of " + length + " characters is not a multiple of 4");
            }
            int padding = 0;
            while (padding < 2 && padding < length && text.charAt(length - 1 - padding) == '=') {
                padding++;
            }
            length -= padding;
        }
        if (length % 4 == 1) {
            throw new FormatException(label + " text of " + length + " data characters is truncated");
        }
        byte[] out = new byte[length / 4 * 3 + Math.max(0, length % 4 - 1)];
        int acc = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                throw new FormatException(Multibase.describeChar(c) + " at position " + (firstPosition + i)
                        + " is not a " + label + " character");
            }
            acc = (acc << 6) | value;
            bits += 6;
            if (bits >= 8) {
                out[written++] = (byte) (acc >>> (bits - 8));
                bits -= 8;
                acc &= (1 << bits) - 1;
            }
        }
        if (acc != 0) {
            throw new FormatException(label + " text has non-zero bits after its last byte");
        }
        return out;
    }
}

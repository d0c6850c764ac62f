package dev.granary.multiformats;

import java.util.Arrays;

/**
 * Bitcoin's base58: the multibase 'z' body and the bare text of CIDv0. Leading zero bytes become
 * leading '1's; the rest is the big-endian number in base 58. Every text maps to one byte string and
 * back, so no canonical-form check is needed.
 */
final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] DIGITS = new int[128];

    /** Decoding costs the square of the length; texts Granary reads (CIDs, peer ids) are under 100 characters. */
    static final int MAX_DECODE_CHARACTERS = 1024;

    static {
        Arrays.fill(DIGITS, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58() {
    }

    static String encode(byte[] data) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        // log(256) / log(58) < 1.37: enough base-58 digits for the number, least significant last.
        byte[] digits = new byte[(data.length - zeros) * 137 / 100 + 1];
        int used = 0;
        for (int i = zeros; i < data.length; i++) {
            int carry = data[i] & 0xff;
            for (int j = 0; j < used; j++) {
                carry += (digits[j] & 0xff) << 8;
                digits[j] = (byte) (carry % 58);
                carry /= 58;
            }
            while (carry > 0) {
                digits[used++] = (byte) (carry % 58);
                carry /= 58;
            }
        }
        StringBuilder out = new StringBuilder(zeros + used);
        out.append("1".repeat(zeros));
        for (int j = used - 1; j >= 0; j--) {
            out.append(ALPHABET.charAt(digits[j]));
        }
        return out.toString();
    }

    static byte[] decode(String text, int firstPosition) {
        if (text.length() > MAX_DECODE_CHARACTERS) {
            throw new FormatException("base58btc text of " + text.length() + " characters is longer than the "
                    + MAX_DECODE_CHARACTERS + " this decoder accepts");
        }
        int ones = 0;
        while (ones < text.length() && text.charAt(ones) == '1') {
            ones++;
        }
        // log(58) / log(256) < 0.733: enough bytes for the number, least significant first.
        byte[] number = new byte[(text.length() - ones) * 733 / 1000 + 1];
        int used = 0;
        for (int i = ones; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? DIGITS[c] : -1;
            if (digit < 0) {
                throw new FormatException(Multibase.describeChar(c) + " at position " + (firstPosition + i)
                        + " is not a base58btc character");
            }
            int carry = digit;
            for (int j = 0; j < used; j++) {
                carry += (number[j] & 0xff) * 58;
                number[j] = (byte) carry;
                carry >>>= 8;
            }
            while (carry > 0) {
                number[used++] = (byte) carry;
                carry >>>= 8;
            }
        }
        byte[] out = new byte[ones + used];
        for (int j = 0; j < used; j++) {
            out[out.length - 1 - j] = number[j];
        }
        return out;
    }
}

package dev.granary.multiformats;

import java.util.Optional;

/**
 * Multibase: a text encoding of bytes whose first character names the base. The bare forms (without
 * the prefix) are used where a format fixes the base: CIDv0 is bare base58btc, and Lotus' JSON
 * writes byte strings as bare base64 with padding ({@code BASE64PAD.encodeBare}).
 */
public enum Multibase {

    /** RFC 4648 base32, lower case, no padding; the default text form of CIDv1. */
    BASE32('b', "base32"),
    /** Bitcoin's base58; the text of CIDv0 and of peer ids. */
    BASE58BTC('z', "base58btc"),
    /** RFC 4648 base64, standard alphabet, no padding. */
    BASE64('m', "base64"),
    /** RFC 4648 base64, standard alphabet, with padding: Go's base64.StdEncoding, as Lotus' JSON uses it. */
    BASE64PAD('M', "base64pad");

    private final char prefix;
    private final String label;

    Multibase(char prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public char prefix() {
        return prefix;
    }

    /** The name in the multibase table, e.g. "base58btc". */
    public String label() {
        return label;
    }

    public static Optional<Multibase> byPrefix(char prefix) {
        for (Multibase base : values()) {
            if (base.prefix == prefix) {
                return Optional.of(base);
            }
        }
        return Optional.empty();
    }

    /** The prefixed text form of {@code data}. */
    public String encode(byte[] data) {
        return prefix + encodeBare(data);
    }

    /** The text form without the prefix character. */
    public String encodeBare(byte[] data) {
        return switch (this) {
            case BASE32 -> Base32.encode(data);
            case BASE58BTC -> Base58.encode(data);
            case BASE64 -> Base64.encode(data, false);
            case BASE64PAD -> Base64.encode(data, true);
        };
    }

    /** Decodes text without a prefix character, known to be in this base. */
    public byte[] decodeBare(String text) {
        return decodeBody(text, 1);
    }

    /** Decodes prefixed text, choosing the base by its first character. */
    public static byte[] decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new FormatException("empty multibase string");
        }
        char first = text.charAt(0);
        Multibase base = byPrefix(first).orElseThrow(() -> new FormatException("unsupported multibase prefix "
                + describeChar(first) + " (supported: " + supported() + ")"));
        return base.decodeBody(text.substring(1), 2);
    }

    private byte[] decodeBody(String body, int firstPosition) {
        return switch (this) {
            case BASE32 -> Base32.decode(body, firstPosition);
            case BASE58BTC -> Base58.decode(body, firstPosition);
            case BASE64 -> Base64.decode(body, false, firstPosition);
            case BASE64PAD -> Base64.decode(body, true, firstPosition);
        };
    }

    private static String supported() {
        StringBuilder out = new StringBuilder();
        for (Multibase base : values()) {
            out.append(out.isEmpty() ? "" : ", ").append('\'').append(base.prefix).append("' ").append(base.label);
        }
        return out.toString();
    }

    /** A character for an error message: printable ASCII as itself, anything else as its code point. */
    static String describeChar(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}

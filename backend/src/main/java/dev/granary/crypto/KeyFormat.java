package dev.granary.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key export formats of {@code lotus wallet export/import}: a KeyInfo JSON object
 * {@code {"Type":"secp256k1"|"bls","PrivateKey":"<base64>"}}, as is ({@code json-lotus}) or as hex
 * of its UTF-8 bytes ({@code hex-lotus}, what {@code lotus wallet export} prints).
 */
public enum KeyFormat {

    HEX_LOTUS("hex-lotus"),
    JSON_LOTUS("json-lotus");

    private final String formatName;

    KeyFormat(String formatName) {
        this.formatName = formatName;
    }

    /** The name Lotus' {@code --format} option uses. */
    public String formatName() {
        return formatName;
    }

    public static KeyFormat byName(String name) {
        for (KeyFormat format : values()) {
            if (format.formatName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new CryptoFormatException("unknown key format '" + name + "' (use hex-lotus or json-lotus)");
    }

    /** The export text; it holds the private key, so treat it as the key itself. */
    public String export(PrivateKey key) {
        String json = LotusKeyInfo.toJson(key);
        return switch (this) {
            case JSON_LOTUS -> json;
            case HEX_LOTUS -> HexFormat.of().formatHex(json.getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Reads an export; surrounding white space is ignored, as Lotus ignores it. */
    public PrivateKey importKey(String text) {
        if (text == null || text.isBlank()) {
            throw new CryptoFormatException("empty key; expected " + formatName + " text");
        }
        if (text.length() > LotusKeyInfo.MAX_TEXT_LENGTH) {
            throw new CryptoFormatException("key text of " + text.length() + " characters is too long for "
                    + formatName + " (at most " + LotusKeyInfo.MAX_TEXT_LENGTH + ")");
        }
        String trimmed = text.strip();
        return switch (this) {
            case JSON_LOTUS -> LotusKeyInfo.fromJson(trimmed, formatName);
            case HEX_LOTUS -> LotusKeyInfo.fromJson(new String(unhex(trimmed), StandardCharsets.UTF_8), formatName);
        };
    }

    private static byte[] unhex(String text) {
        if (text.length() % 2 != 0) {
            throw new CryptoFormatException("hex-lotus key has an odd number of hex digits (" + text.length() + ")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                throw new CryptoFormatException("hex-lotus key has a non-hex character at position " + (i + 1)
                        + (c == '{' ? " (this looks like json-lotus; use that format)" : ""));
            }
        }
        return HexFormat.of().parseHex(text);
    }
}

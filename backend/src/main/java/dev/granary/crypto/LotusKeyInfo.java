package dev.granary.crypto;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lotus' KeyInfo JSON. Written by hand so that the bytes are exactly Lotus' (Type first, no
 * spaces); read as Go's encoding/json reads it (field names in any case). Error messages never quote
 * the input, which holds the key.
 */
final class LotusKeyInfo {

    /** Far above any real export (about 150 characters of hex); bounds work on hostile input. */
    static final int MAX_TEXT_LENGTH = 4096;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LotusKeyInfo() {
    }

    static String toJson(PrivateKey key) {
        // Standard base64 never needs JSON escaping.
        return "{\"Type\":\"" + key.type().lotusName() + "\",\"PrivateKey\":\""
                + Base64.getEncoder().encodeToString(key.bytes()) + "\"}";
    }

    static PrivateKey fromJson(String json, String format) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CryptoFormatException(format + " key is not valid KeyInfo JSON" + where);
        }
        if (root == null || !root.isObject()) {
            throw new CryptoFormatException(format + " key must be a JSON object {\"Type\":...,\"PrivateKey\":...}");
        }
        String type = null;
        String privateKey = null;
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String name = field.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("type") && !name.equals("privatekey")) {
                throw new CryptoFormatException(format + " key has an unknown field '" + clip(field.getKey())
                        + "'; KeyInfo has only Type and PrivateKey");
            }
            if (!field.getValue().isString()) {
                throw new CryptoFormatException(format + " key field '" + field.getKey() + "' must be a string");
            }
            if ((name.equals("type") ? type : privateKey) != null) {
                throw new CryptoFormatException(format + " key has field '" + field.getKey() + "' twice");
            }
            if (name.equals("type")) {
                type = field.getValue().stringValue();
            } else {
                privateKey = field.getValue().stringValue();
            }
        }
        if (type == null || privateKey == null) {
            throw new CryptoFormatException(format + " key needs both Type and PrivateKey");
        }
        return PrivateKey.of(keyType(type, format), base64(privateKey, format));
    }

    private static KeyType keyType(String type, String format) {
        return KeyType.byLotusName(type).orElseThrow(() -> new CryptoFormatException(format + " key has Type "
                + typeName(type) + "; Granary imports \"secp256k1\" and \"bls\" keys"
                + (type.equals("delegated") ? " (delegated f4 keys are not supported)" : "")));
    }

    /**
     * A Type quoted only when it looks like a key type's name: with Type and PrivateKey swapped, the
     * Type holds the key's base64, and no part of it may appear in a message.
     */
    private static String typeName(String type) {
        return type.matches("[A-Za-z0-9-]{1,16}") ? "'" + type + "'" : "of " + type.length() + " characters (not a key type)";
    }

    /** Names and types are quoted in messages, but never at length. */
    private static String clip(String text) {
        return text.length() <= 24 ? text : text.substring(0, 24) + "...";
    }

    private static byte[] base64(String text, String format) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CryptoFormatException(format + " key's PrivateKey is not standard base64");
        }
    }
}

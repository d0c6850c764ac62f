package dev.granary.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HS256 JSON Web Tokens the way Lotus makes them: header {"alg":"HS256","typ":"JWT"}, compact JSON
 * claims in insertion order, base64url without padding. A Lotus token signed with the same secret is
 * byte-identical.
 */
public final class Jwt {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Jwt() {}

    /** Signs the claims (keep them in a LinkedHashMap: field order is part of the bytes). */
    public static String sign(Map<String, Object> claims, byte[] secret) {
        String payload = encode(JSON.writeValueAsBytes(claims));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + encode(hmac(signingInput, secret));
    }

    /** The verified claims; throws {@link InvalidTokenException} saying what is wrong. */
    public static JsonNode verify(String token, byte[] secret) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("the token is not a JWT (expected three dot-separated parts)");
        }
        JsonNode header = parseJson(parts[0], "header");
        if (!"HS256".equals(header.path("alg").asString(""))) {
            throw new InvalidTokenException("the token's algorithm must be HS256");
        }
        byte[] expected = hmac(parts[0] + "." + parts[1], secret);
        byte[] actual;
        try {
            actual = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token's signature is not base64url");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidTokenException("the token's signature does not match this node's secret");
        }
        return parseJson(parts[1], "claims");
    }

    private static JsonNode parseJson(String part, String what) {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new InvalidTokenException("the token's " + what + " is not a JSON object");
            }
            return node;
        } catch (IllegalArgumentException | JacksonException e) {
            throw new InvalidTokenException("the token's " + what + " is not base64url JSON");
        }
    }

    private static byte[] hmac(String input, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("computing HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static final class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}

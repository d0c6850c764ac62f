package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Lotus API tokens, byte for byte (vectors: api_token). */
class JwtTest {

    static JsonNode vector() throws Exception {
        try (InputStream in = JwtTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return TestNode.JSON.readTree(in).get("api_token");
        }
    }

    @Test
    void signsALotusTokenExactlyAsLotusDoes() throws Exception {
        JsonNode v = vector();
        byte[] secret = HexFormat.of().parseHex(v.get("secret_hex").asString());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("Allow", List.of("read", "write", "sign", "admin"));
        assertEquals(v.get("jwt").asString(), Jwt.sign(claims, secret));
        assertEquals(4, Jwt.verify(v.get("jwt").asString(), secret).get("Allow").size());
    }

    @Test
    void rejectsTamperedAndMalformedTokens() throws Exception {
        JsonNode v = vector();
        byte[] secret = HexFormat.of().parseHex(v.get("secret_hex").asString());
        String jwt = v.get("jwt").asString();
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"Allow\":[\"admin\"],\"x\":1}".getBytes()) + "." + parts[2];
        var e = assertThrows(Jwt.InvalidTokenException.class, () -> Jwt.verify(forged, secret));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
        assertThrows(Jwt.InvalidTokenException.class, () -> Jwt.verify("not-a-token", secret));
        assertThrows(Jwt.InvalidTokenException.class, () -> Jwt.verify(jwt, new byte[32]));
    }

    @Test
    void theNodeAcceptsAPlainLotusTokenWithExactlyItsPermissions(@TempDir Path home) throws Exception {
        JsonNode v = vector();
        Files.createDirectories(home);
        SecretFiles.writeOwnerOnly(home.resolve(AuthServices.TOKEN_SECRET_FILE),
            HexFormat.of().parseHex(v.get("secret_hex").asString()));
        try (TestNode node = TestNode.start(home)) {
            var me = node.request("GET", "/api/v1/session", null, v.get("jwt").asString());
            assertEquals(200, me.statusCode(), me.body());
            assertEquals("lotus_token", TestNode.json(me).get("kind").asString());
            assertEquals(200, node.request("GET", "/api/v1/users", null, v.get("jwt").asString()).statusCode());

            Map<String, Object> readOnly = new LinkedHashMap<>();
            readOnly.put("Allow", List.of("read"));
            String read = Jwt.sign(readOnly, HexFormat.of().parseHex(v.get("secret_hex").asString()));
            assertEquals(200, node.request("GET", "/api/v1/version", null, read).statusCode());
            assertEquals(403, node.request("GET", "/api/v1/users", null, read).statusCode());
        }
    }
}

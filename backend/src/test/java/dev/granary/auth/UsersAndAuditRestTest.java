package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class UsersAndAuditRestTest {

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start(home);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anAdminManagesUsersAndDisablingOneLocksThemOutAtOnce() {
        String admin = node.adminToken();
        HttpResponse<String> created = node.request("POST", "/api/v1/users",
            "{\"username\":\"dave\",\"displayName\":\"Dave\",\"password\":\"dave-password-123\",\"role\":\"viewer\","
                + "\"miners\":[\"f01234\"]}", admin);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("viewer", TestNode.json(created).get("role").asString());
        assertEquals("f01234", TestNode.json(created).get("miners").get(0).asString());

        String dave = node.signIn("dave", "dave-password-123");
        assertEquals(403, node.request("POST", "/api/v1/tokens", "{\"perm\":\"write\"}", dave).statusCode(),
            "a token never carries more than its creator may do");
        assertEquals(201, node.request("POST", "/api/v1/tokens", "{\"perm\":\"read\"}", dave).statusCode());

        HttpResponse<String> promoted = node.request("PATCH", "/api/v1/users/dave", "{\"role\":\"operator\"}", admin);
        assertEquals("operator", TestNode.json(promoted).get("role").asString());
        assertEquals(201, node.request("POST", "/api/v1/tokens", "{\"perm\":\"write\"}", dave).statusCode(),
            "the new role applies to the existing token at once");

        assertEquals(200, node.request("PATCH", "/api/v1/users/dave", "{\"enabled\":false}", admin).statusCode());
        HttpResponse<String> locked = node.request("GET", "/api/v1/session", null, dave);
        assertEquals(401, locked.statusCode());
        assertTrue(TestNode.json(locked).get("detail").asString().contains("disabled"), locked.body());

        HttpResponse<String> duplicate = node.request("POST", "/api/v1/users",
            "{\"username\":\"dave\",\"password\":\"another-password-1\",\"role\":\"viewer\"}", admin);
        assertEquals(409, duplicate.statusCode());
        HttpResponse<String> shortPw = node.request("POST", "/api/v1/users",
            "{\"username\":\"erin\",\"password\":\"short\",\"role\":\"viewer\"}", admin);
        assertEquals(400, shortPw.statusCode());
        assertTrue(TestNode.json(shortPw).get("detail").asString().contains("at least 12 characters"));
    }

    @Test
    void theLastAdministratorCannotBeDemotedOrDisabled() {
        String admin = node.adminToken();
        HttpResponse<String> demote = node.request("PATCH", "/api/v1/users/admin", "{\"role\":\"viewer\"}", admin);
        assertEquals(409, demote.statusCode(), demote.body());
        assertTrue(TestNode.json(demote).get("detail").asString().contains("no enabled administrator"));
        assertEquals(400, node.request("PATCH", "/api/v1/users/admin", "{\"enabled\":false}", admin).statusCode());
    }

    @Test
    void tokensAreListedWithoutValuesAndRevokedOnes401() {
        String admin = node.adminToken();
        JsonNode created = TestNode.json(node.request("POST", "/api/v1/tokens",
            "{\"name\":\"deploy\",\"perm\":\"sign\",\"expires\":\"30d\"}", admin));
        String token = created.get("token").asString();
        String jti = created.get("jti").asString();
        assertEquals("[\"read\",\"write\",\"sign\"]", created.get("permissions").toString(), "--perm includes those below");
        assertNotNull(created.get("expiresAt").asString());
        HttpResponse<String> me = node.request("GET", "/api/v1/session", null, token);
        assertEquals("[\"read\",\"write\",\"sign\"]", TestNode.json(me).get("permissions").toString());

        HttpResponse<String> list = node.request("GET", "/api/v1/tokens", null, admin);
        assertTrue(list.body().contains(jti) && !list.body().contains(token), list.body());

        assertEquals(200, node.request("DELETE", "/api/v1/tokens/" + jti, null, admin).statusCode());
        HttpResponse<String> revoked = node.request("GET", "/api/v1/session", null, token);
        assertEquals(401, revoked.statusCode());
        assertTrue(TestNode.json(revoked).get("detail").asString().contains("revoked"));
    }

    @Test
    void theAuditLogFiltersAndPagesWithACursor() {
        String admin = node.adminToken();
        for (int i = 0; i < 5; i++) {
            node.request("PUT", "/api/v1/log-levels/dev.granary.audit" + i, "{\"level\":\"info\"}", admin);
        }
        HttpResponse<String> first = node.request("GET", "/api/v1/audit?action=log-levels&limit=2", null, admin);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode page1 = TestNode.json(first);
        assertEquals(2, page1.get("items").size());
        JsonNode entry = page1.get("items").get(0);
        assertEquals("admin", entry.get("actor").asString());
        assertEquals("success", entry.get("outcome").asString());
        assertEquals("/api/v1/log-levels/dev.granary.audit4", entry.get("target").asString());
        assertTrue(entry.get("clientAddress").asString().contains("127.0.0.1"), entry.toString());

        Set<Long> seen = new HashSet<>();
        String cursor = page1.get("nextCursor").asString();
        page1.get("items").forEach(e -> seen.add(e.get("id").asLong()));
        while (cursor != null) {
            JsonNode page = TestNode.json(node.request("GET", "/api/v1/audit?action=log-levels&limit=2&cursor=" + cursor,
                null, admin));
            page.get("items").forEach(e -> assertTrue(seen.add(e.get("id").asLong()), "no entry twice"));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        assertEquals(5, seen.size());

        HttpResponse<String> bad = node.request("GET", "/api/v1/audit?cursor=abc", null, admin);
        assertEquals(400, bad.statusCode());
    }
}

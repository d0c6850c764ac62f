package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Browser sessions on the REST API: CSRF on state changes, idle timeout, sign-out. */
class RestSessionTest {

    private static Map<String, String> cookie(WebSession s) {
        return Map.of("Cookie", WebSessions.COOKIE + "=" + s.id());
    }

    private static Map<String, String> cookieAndCsrf(WebSession s) {
        return Map.of("Cookie", WebSessions.COOKIE + "=" + s.id(), "X-CSRF-Token", s.csrfToken());
    }

    @Test
    void aSessionCookieNeedsTheCsrfTokenToChangeStateButBearerTokensDoNot(@TempDir Path home) {
        try (TestNode node = TestNode.start(home)) {
            WebSession session = node.node().auth().sessions().create("admin");

            HttpResponse<String> me = node.send("GET", "/api/v1/session", null, null, cookie(session));
            assertEquals(200, me.statusCode(), me.body());
            JsonNode who = TestNode.json(me);
            assertEquals("admin", who.get("username").asString());
            assertEquals(session.csrfToken(), who.get("csrfToken").asString());

            String change = "{\"level\":\"debug\"}";
            HttpResponse<String> refused = node.send("PUT", "/api/v1/log-levels/dev.granary.csrf", "application/json",
                change, cookie(session));
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("urn:granary:problem:csrf", TestNode.json(refused).get("type").asString());

            HttpResponse<String> wrong = node.send("PUT", "/api/v1/log-levels/dev.granary.csrf", "application/json",
                change, Map.of("Cookie", WebSessions.COOKIE + "=" + session.id(), "X-CSRF-Token", "guess"));
            assertEquals(403, wrong.statusCode());

            HttpResponse<String> accepted = node.send("PUT", "/api/v1/log-levels/dev.granary.csrf", "application/json",
                change, cookieAndCsrf(session));
            assertEquals(200, accepted.statusCode(), accepted.body());

            HttpResponse<String> bearer = node.request("PUT", "/api/v1/log-levels/dev.granary.csrf",
                "{\"level\":\"info\"}", node.adminToken());
            assertEquals(200, bearer.statusCode(), bearer.body());

            HttpResponse<String> out = node.send("DELETE", "/api/v1/session", null, null, cookieAndCsrf(session));
            assertEquals(204, out.statusCode(), out.body());
            assertTrue(out.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
            assertEquals(401, node.send("GET", "/api/v1/session", null, null, cookie(session)).statusCode());
        }
    }

    @Test
    void anIdleSessionEnds(@TempDir Path home) throws Exception {
        TestNode.writeConfig(home, "[auth]\nsession-idle-timeout = \"1s\"\n");
        try (TestNode node = TestNode.start(home)) {
            WebSession session = node.node().auth().sessions().create("admin");
            assertEquals(200, node.send("GET", "/api/v1/session", null, null, cookie(session)).statusCode());
            Thread.sleep(1500);
            HttpResponse<String> idle = node.send("GET", "/api/v1/session", null, null, cookie(session));
            assertEquals(401, idle.statusCode(), idle.body());
        }
    }

    @Test
    void signingOutWithASessionTokenRevokesIt(@TempDir Path home) {
        try (TestNode node = TestNode.start(home)) {
            String token = node.signIn("admin", node.initialAdminPassword());
            assertEquals(200, node.request("GET", "/api/v1/session", null, token).statusCode());
            assertEquals(204, node.request("DELETE", "/api/v1/session", null, token).statusCode());
            HttpResponse<String> after = node.request("GET", "/api/v1/session", null, token);
            assertEquals(401, after.statusCode());
            assertTrue(TestNode.json(after).get("detail").asString().contains("revoked"), after.body());
        }
    }
}

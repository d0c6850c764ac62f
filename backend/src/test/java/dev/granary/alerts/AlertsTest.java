package dev.granary.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Role;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** An alert is opened once per condition, refreshed while it lasts, resolved when it ends, and listed over REST. */
class AlertsTest {

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
    void raisingTwiceKeepsOneOpenAlertWithTheLatestMessage() {
        Alerts alerts = node.node().alerts();
        alerts.raise("test.twice", Severity.WARNING, "test", "first sighting");
        alerts.raise("test.twice", Severity.CRITICAL, "test", "worse now");
        Alert open = alerts.open("test.twice").orElseThrow();
        assertEquals(Severity.CRITICAL, open.severity());
        assertEquals("worse now", open.message());
        long sameKey = listed(true).valueStream().filter(a -> a.get("key").asString().equals("test.twice")).count();
        assertEquals(1, sameKey);
    }

    @Test
    void resolvedAlertsLeaveTheOpenListButStayInTheHistory() {
        Alerts alerts = node.node().alerts();
        alerts.raise("test.resolve", Severity.WARNING, "test", "path /x unreachable");
        alerts.resolve("test.resolve", "path /x answers again");
        assertTrue(alerts.open("test.resolve").isEmpty());
        assertFalse(keys(listed(false)).contains("test.resolve"));
        JsonNode history = listed(true);
        JsonNode resolved = history.valueStream().filter(a -> a.get("key").asString().equals("test.resolve"))
            .findFirst().orElseThrow();
        assertEquals("path /x answers again", resolved.get("resolution").asString());
        assertFalse(resolved.get("resolvedAt").isNull());

        alerts.raise("test.resolve", Severity.WARNING, "test", "unreachable again");
        assertEquals("unreachable again", alerts.open("test.resolve").orElseThrow().message());
    }

    @Test
    void criticalAlertsComeFirstAndViewersMayReadThem() {
        Alerts alerts = node.node().alerts();
        alerts.raise("test.order-warning", Severity.WARNING, "test", "a warning");
        alerts.raise("test.order-critical", Severity.CRITICAL, "test", "a critical one");
        String viewer = node.tokenForNewUser("alert-viewer", Role.VIEWER);
        HttpResponse<String> r = node.request("GET", "/api/v1/alerts", null, viewer);
        assertEquals(200, r.statusCode(), r.body());
        String keys = keys(TestNode.json(r));
        assertTrue(keys.indexOf("test.order-critical") < keys.indexOf("test.order-warning"), keys);
    }

    @Test
    void aBadLimitIsAClearError() {
        HttpResponse<String> r = node.request("GET", "/api/v1/alerts?limit=0", null, node.adminToken());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("limit must be a whole number from 1 to 500"), r.body());
    }

    private static JsonNode listed(boolean all) {
        HttpResponse<String> r = node.request("GET", "/api/v1/alerts" + (all ? "?all=true" : ""), null, node.adminToken());
        assertEquals(200, r.statusCode(), r.body());
        return TestNode.json(r);
    }

    private static String keys(JsonNode alerts) {
        StringBuilder out = new StringBuilder();
        alerts.valueStream().forEach(a -> out.append(a.get("key").asString()).append(' '));
        return out.toString();
    }
}

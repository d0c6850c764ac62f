package dev.granary.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A real node in-process: temp home, random port, embedded H2 and RocksDB, real HTTP. */
class NodeIntegrationTest {

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
    void healthReportsEveryComponentUp() {
        HttpResponse<String> response = node.get("/api/v1/health");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode health = TestNode.json(response);
        assertEquals("up", health.get("status").asString());
        for (String component : new String[] {"database", "rocksdb", "kernels", "disk"}) {
            assertEquals("up", health.at("/components/" + component + "/status").asString(), component);
        }
        assertTrue(health.at("/components/database/product").asString().startsWith("H2 "));
        String kernels = health.at("/components/kernels/implementation").asString();
        assertTrue(Set.of("native", "java").contains(kernels), kernels);
        assertTrue(health.at("/components/disk/freeBytes").asLong() > 0);
        assertEquals(node.node().status().identity().nodeId(), health.at("/components/rocksdb/nodeId").asString());
    }

    @Test
    void versionNamesTheBuildAndTheNode() {
        JsonNode version = TestNode.json(node.getAsAdmin("/api/v1/version"));
        assertEquals(BuildInfo.current().version(), version.get("version").asString());
        assertFalse(version.get("version").asString().contains("${"), "version was stamped by the build");
        assertEquals("v1", version.get("apiVersion").asString());
        assertEquals(node.node().status().identity().nodeId(), version.get("nodeId").asString());
    }

    @Test
    void openApiDescribesEveryRegisteredRoute() {
        HttpResponse<String> response = node.getAsAdmin("/api/openapi.json");
        assertEquals(200, response.statusCode());
        JsonNode doc = TestNode.json(response);
        assertEquals("3.1.0", doc.get("openapi").asString());
        Set<String> registered = new HashSet<>();
        node.node().api().registeredEndpoints().forEach(e -> registered.add(e.method.name() + " " + e.path));
        assertTrue(registered.contains("GET /v1/health"), registered.toString());
        assertTrue(registered.contains("GET /openapi.json"), registered.toString());
        for (String route : registered) {
            String[] parts = route.split(" ", 2);
            JsonNode op = doc.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            assertFalse(op.isMissingNode(), "OpenAPI lacks " + route);
            assertFalse(op.path("x-granary-permission").asString().isEmpty(), route + " declares a permission");
            assertFalse(op.path("summary").asString().isEmpty(), route + " has a summary");
        }
    }

    @Test
    void unknownRouteIsAProblemDocument() {
        HttpResponse<String> response = node.getAsAdmin("/api/v1/no-such-thing");
        assertProblem(response, 404, "urn:granary:problem:not-found");
        assertTrue(TestNode.json(response).get("detail").asString().contains("/api/openapi.json"));
        assertProblem(node.get("/api/v1/no-such-thing"), 401, "urn:granary:problem:unauthorized");
    }

    @Test
    void pathsOutsideTheApiAreProblemsWhenHeadless() {
        assertProblem(node.get("/nothing-here"), 404, "urn:granary:problem:not-found");
    }

    @Test
    void wrongMethodIsAProblemNamingTheAllowedOnes() {
        HttpResponse<String> response = node.request("DELETE", "/api/v1/health", null, node.adminToken());
        assertProblem(response, 405, "urn:granary:problem:method-not-allowed");
        assertTrue(TestNode.json(response).get("detail").asString().contains("GET"), response.body());
    }

    @Test
    void malformedJsonIsAProblemWithWhereItBroke() {
        HttpResponse<String> response = node.request("PUT", "/api/v1/log-levels/dev.granary", "{\"level\": ",
            node.adminToken());
        assertProblem(response, 400, "urn:granary:problem:malformed-json");
        assertTrue(TestNode.json(response).get("detail").asString().contains("line 1"), response.body());
    }

    @Test
    void aFractionWhereAWholeNumberIsRequiredIsRefusedNotTruncated() {
        long height = TestNode.json(node.getAsAdmin("/api/v1/chain/status")).at("/head/height").asLong();
        HttpResponse<String> response = node.request("POST", "/api/v1/chain/clock/advance", "{\"epochs\": 1.5}",
            node.adminToken());
        assertProblem(response, 400, "urn:granary:problem:malformed-json");
        assertEquals(height, TestNode.json(node.getAsAdmin("/api/v1/chain/status")).at("/head/height").asLong());
    }

    @Test
    void anOverlongUriIsAProblemOfItsOwnType() {
        HttpResponse<String> response = node.getAsAdmin("/api/v1/health?pad=" + "x".repeat(20_000));
        assertProblem(response, 414, "urn:granary:problem:uri-too-long");
        assertFalse(TestNode.json(response).has("instance"), "Jetty's /badMessage is not the request's path");
    }

    @Test
    void anAmbiguousUriIsAnInvalidRequestNotMalformedJson() {
        for (String path : List.of("/api/v1/health/%2F..", "/api/v1/a%00b", "/api/v1/a/%2e%2e/b")) {
            HttpResponse<String> response = node.getAsAdmin(path);
            assertProblem(response, 400, "urn:granary:problem:invalid-request");
            String detail = TestNode.json(response).get("detail").asString();
            assertTrue(detail.startsWith("the request is malformed (") && !detail.contains("HTTP 400"), detail);
        }
    }

    @Test
    void aKeepAliveClientGoesOnAfterAnOverlongUri() {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> refused = node.getAsAdmin("/api/v1/health?pad=" + "x".repeat(20_000));
            assertEquals("close", refused.headers().firstValue("Connection").orElse(""));
            assertEquals(200, node.getAsAdmin("/api/v1/health").statusCode());
        }
    }

    @Test
    void anInvalidValueIsAProblemAndValidOneIsApplied() {
        HttpResponse<String> bad = node.request("PUT", "/api/v1/log-levels/dev.granary.test", "{\"level\":\"loud\"}",
            node.adminToken());
        assertProblem(bad, 400, "urn:granary:problem:invalid-request");
        assertTrue(TestNode.json(bad).get("detail").asString().contains("trace, debug, info, warn, error"));

        HttpResponse<String> ok = node.request("PUT", "/api/v1/log-levels/dev.granary.test", "{\"level\":\"debug\"}",
            node.adminToken());
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("debug", TestNode.json(node.getAsAdmin("/api/v1/log-levels")).get("dev.granary.test").asString());
    }

    @Test
    void prometheusMetricsAreServed() {
        node.get("/api/v1/health");
        assertProblem(node.get("/metrics"), 401, "urn:granary:problem:unauthorized");
        HttpResponse<String> metrics = node.getAsAdmin("/metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "JVM metrics");
        assertTrue(metrics.body().contains("granary_http_requests_seconds_count{"), "REST request metrics");
    }

    @Test
    void requestIdsAreEchoedAndGenerated() {
        HttpResponse<String> response = node.get("/api/v1/nope");
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertEquals(id, TestNode.json(response).get("requestId").asString());
    }

    @Test
    void aSecondNodeOnTheSameHomeIsRefusedNamingTheFirst() {
        var e = assertThrows(HomeLock.HomeLockedException.class, () -> TestNode.start(home));
        assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        assertEquals(200, node.get("/api/v1/health").statusCode(), "the first node is unaffected");
    }

    @Test
    void logsGoToTheHome() throws Exception {
        Path log = home.resolve("logs/granary.log");
        assertTrue(Files.exists(log));
        assertTrue(Files.readString(log).contains("starting Granary"));
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("")
            .split(";")[0], response.body());
        JsonNode body = TestNode.json(response);
        assertEquals(type, body.get("type").asString());
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("title").asString().isEmpty());
        assertFalse(body.get("detail").asString().isEmpty());
        if (body.has("requestId")) {
            assertNotEquals("", body.get("requestId").asString());
        }
    }
}

package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.AccessRegistry;
import dev.granary.auth.Permission;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The permission each chain route declares (what docs/api.md promises; AccessMatrixTest then walks every
 * route with every caller), and a node on the wall clock refusing to be advanced.
 */
class ChainRouteAccessTest {

    @TempDir
    static Path home;
    static TestNode node;

    @BeforeAll
    static void start() {
        TestNode.writeConfig(home, "[chain]\nclock = \"wall\"\nproduce = false\n");
        node = TestNode.start(home);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyChainRouteDeclaresThePermissionTheDocsPromise() {
        Map<String, Permission> expected = new TreeMap<>();
        for (String read : new String[] {"/v1/chain/status", "/v1/chain/head", "/v1/chain/tipsets",
            "/v1/chain/tipsets/{height}", "/v1/chain/blocks/{cid}", "/v1/chain/blocks/{cid}/messages",
            "/v1/chain/blocks/{cid}/parent-receipts", "/v1/chain/messages/{cid}", "/v1/chain/messages/{cid}/lookup",
            "/v1/chain/messages/{cid}/wait", "/v1/chain/actors/{address}", "/v1/chain/miners/{address}",
            "/v1/chain/market/{address}", "/v1/chain/randomness/{source}", "/v1/chain/export", "/v1/mpool/pending",
            "/v1/mpool/nonce/{address}"}) {
            expected.put("GET " + read, Permission.READ);
        }
        expected.put("POST /v1/chain/gas-estimate", Permission.READ);
        expected.put("POST /v1/mpool/messages", Permission.WRITE);
        expected.put("POST /v1/chain/clock/advance", Permission.ADMIN);

        Map<String, Permission> declared = new TreeMap<>();
        node.node().auth().registry().entries(AccessRegistry.Kind.ROUTE).stream()
            .filter(e -> e.name().contains(" /v1/chain") || e.name().contains(" /v1/mpool"))
            .forEach(e -> declared.put(e.name(), e.permission()));
        assertEquals(expected, declared);

        JsonNode paths = TestNode.json(node.getAsAdmin("/api/openapi.json")).get("paths");
        for (var route : expected.entrySet()) {
            String[] parts = route.getKey().split(" ");
            JsonNode op = paths.path(parts[1]).path(parts[0].toLowerCase());
            assertEquals(route.getValue().lotusName(), op.path("x-granary-permission").asString(), route.getKey());
        }
    }

    @Test
    void theWallClockCannotBeAdvanced() {
        HttpResponse<String> r = node.request("POST", "/api/v1/chain/clock/advance", "{\"epochs\": 1}", node.adminToken());
        assertEquals(409, r.statusCode(), r.body());
        JsonNode problem = TestNode.json(r);
        assertEquals("urn:granary:problem:chain-clock-not-manual", problem.get("type").asString());
        assertTrue(problem.get("detail").asString().contains("clock = \"manual\""), r.body());
        assertEquals("wall", TestNode.json(node.getAsAdmin("/api/v1/chain/status")).get("clock").asString());
    }
}

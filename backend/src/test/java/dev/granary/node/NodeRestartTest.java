package dev.granary.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class NodeRestartTest {

    @Test
    void aRestartKeepsTheNodeAndItsData(@TempDir Path home) throws Exception {
        String firstId;
        try (TestNode first = TestNode.start(home)) {
            firstId = first.node().status().identity().nodeId();
            assertEquals(1, first.node().status().identity().starts());
        }
        assertTrue(Files.exists(home.resolve("config.toml")));
        String configBefore = Files.readString(home.resolve("config.toml"));
        try (TestNode second = TestNode.start(home)) {
            assertEquals(firstId, second.node().status().identity().nodeId());
            assertEquals(2, second.node().status().identity().starts());
            assertEquals(200, second.get("/api/v1/health").statusCode());
        }
        assertEquals(configBefore, Files.readString(home.resolve("config.toml")), "config is not rewritten");
    }

    @Test
    void lowDiskMakesHealthAnswer503NamingTheDisk(@TempDir Path home) {
        TestNode.writeConfig(home, "[health]\nmin-free-disk = \"1000PiB\"\n");
        try (TestNode node = TestNode.start(home)) {
            var response = node.get("/api/v1/health");
            assertEquals(503, response.statusCode(), response.body());
            JsonNode health = TestNode.json(response);
            assertEquals("down", health.get("status").asString());
            assertEquals("disk", health.get("failing").get(0).asString());
            assertTrue(health.at("/components/disk/error").asString().contains("health.min-free-disk"));
            assertEquals("up", health.at("/components/database/status").asString());
        }
    }

    @Test
    void anUnknownConfigKeyStopsTheStartNamingTheKey(@TempDir Path home) {
        TestNode.writeConfig(home, "[server]\nport = 1\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(ConfigFile.ConfigException.class,
            () -> TestNode.start(home));
        assertTrue(e.getMessage().contains("unknown key 'server.port'"), e.getMessage());
        // the failed start released the home again
        try (var lock = HomeLock.acquire(home.resolve("granary.lock"))) {
            assertTrue(Files.exists(lock.file()));
        }
    }
}

package dev.granary.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ConfigFileTest {

    @Test
    void firstStartWritesEverySettingCommentedWithItsDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.toml");
        NodeConfig loaded = ConfigFile.loadOrCreate(file);
        assertEquals(NodeConfig.defaults(), loaded);

        String text = Files.readString(file);
        for (Map.Entry<String, JsonNode> section : ConfigFile.defaultsTree().properties()) {
            assertTrue(text.contains("[" + section.getKey() + "]"), "section " + section.getKey());
            for (Map.Entry<String, JsonNode> key : section.getValue().properties()) {
                assertTrue(text.contains("\n#" + key.getKey() + " = "), "commented default for " + key.getKey());
            }
        }
        assertTrue(text.contains("#listen = \"127.0.0.1:8080\""), text);
    }

    @Test
    void uncommentingEveryDefaultYieldsTheDefaults() {
        String uncommented = ConfigFile.renderDefaults().replaceAll("(?m)^#([a-z-]+ = )", "$1");
        assertEquals(NodeConfig.defaults(), ConfigFile.parse(uncommented, "test"));
    }

    @Test
    void aChangedSettingIsApplied() {
        NodeConfig config = ConfigFile.parse("""
            [server]
            listen = "0.0.0.0:9090"
            [kernels]
            mode = "java"
            """, "test");
        assertEquals("0.0.0.0:9090", config.server().listen());
        assertEquals(9090, config.server().listenAddress().port());
        assertEquals("java", config.kernels().mode());
        assertEquals(NodeConfig.defaults().database(), config.database());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() {
        var e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.parse("""
            [server]
            lisen = "127.0.0.1:1"
            """, "config.toml"));
        assertEquals("config.toml: unknown key 'server.lisen'", e.getMessage());

        var section = assertThrows(ConfigFile.ConfigException.class,
            () -> ConfigFile.parse("[sealing]\nthreads = 2\n", "config.toml"));
        assertEquals("config.toml: unknown key 'sealing'", section.getMessage());
    }

    @Test
    void badValuesAreErrorsNamingTheKey() {
        var mode = assertThrows(ConfigFile.ConfigException.class,
            () -> ConfigFile.parse("[kernels]\nmode = \"gpu\"\n", "c.toml"));
        assertTrue(mode.getMessage().contains("kernels.mode 'gpu'"), mode.getMessage());

        var listen = assertThrows(ConfigFile.ConfigException.class,
            () -> ConfigFile.parse("[server]\nlisten = \"8080\"\n", "c.toml"));
        assertTrue(listen.getMessage().contains("HOST:PORT"), listen.getMessage());

        var toml = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.parse("[server\n", "c.toml"));
        assertTrue(toml.getMessage().startsWith("reading c.toml: not valid TOML"), toml.getMessage());

        var type = assertThrows(ConfigFile.ConfigException.class,
            () -> ConfigFile.parse("[database]\nmax-pool-size = \"many\"\n", "c.toml"));
        assertTrue(type.getMessage().contains("max-pool-size"), type.getMessage());
    }

    @Test
    void theDatabasePasswordNeverAppearsInToString() {
        var db = new NodeConfig.Database("jdbc:postgresql://db/granary", "granary", "s3cret", 5);
        assertTrue(!db.toString().contains("s3cret"), db.toString());
    }
}

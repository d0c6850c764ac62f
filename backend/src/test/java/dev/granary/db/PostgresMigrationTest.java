package dev.granary.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.granary.node.NodeConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same migrations that build the embedded H2 schema must apply to PostgreSQL. The test command
 * starts a local PostgreSQL and sets GRANARY_TEST_PG_URL (plus _USER and _PASSWORD); without it the
 * test is skipped, saying why.
 */
class PostgresMigrationTest {

    @Test
    void migrationsApplyToPostgresAndAreIdempotent(@TempDir Path h2Dir) throws SQLException {
        String url = System.getenv("GRANARY_TEST_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "GRANARY_TEST_PG_URL is not set: no PostgreSQL to test against");
        String schema = "granary_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("GRANARY_TEST_PG_USER", "granary");
        String password = System.getenv().getOrDefault("GRANARY_TEST_PG_PASSWORD", "granary");
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute(url, user, password, "CREATE SCHEMA " + schema);
        try {
            try (Database first = Database.open(scoped, user, password, 2)) {
                assertEquals("PostgreSQL", first.productVersion().split(" ")[0]);
                first.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO node_meta (meta_key, meta_value) VALUES ('probe', 'kept')"));
            }
            try (Database again = Database.open(scoped, user, password, 2)) {
                List<String> tables = again.jdbi().withHandle(h -> h.createQuery(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = :s ORDER BY table_name")
                    .bind("s", schema).mapTo(String.class).list());
                assertEquals(h2Tables(h2Dir), tables, "PostgreSQL has exactly the tables the migrations give H2");
                assertTrue(tables.containsAll(List.of("node_meta", "app_user", "api_token", "audit_log")), tables.toString());
                assertEquals("kept", again.jdbi().withHandle(h -> h.createQuery(
                    "SELECT meta_value FROM node_meta WHERE meta_key = 'probe'").mapTo(String.class).one()));
            }
        } finally {
            execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static List<String> h2Tables(Path dir) {
        try (Database h2 = Database.open(NodeConfig.defaults().database(), dir)) {
            return h2.jdbi().withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' ORDER BY table_name").mapTo(String.class).list());
        }
    }

    /** Schema set-up goes around Database.open, which would migrate the default schema too. */
    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

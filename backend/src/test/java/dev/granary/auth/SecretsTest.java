package dev.granary.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret files are owner-only, and no password, token or secret reaches the log or the audit table. */
class SecretsTest {

    @Test
    void secretsStayOutOfLogsAuditAndOtherUsersReach(@TempDir Path home) throws Exception {
        List<String> secrets = new ArrayList<>();
        try (TestNode node = TestNode.start(home)) {
            Path passwordFile = home.resolve(InitialAdmin.FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
            Path secretFile = home.resolve(AuthServices.TOKEN_SECRET_FILE);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)));
            secrets.add(node.initialAdminPassword());
            secrets.add(HexFormat.of().formatHex(Files.readAllBytes(secretFile)));

            String admin = node.adminToken();
            secrets.add(admin);
            String newUserPassword = "a-brand-new-password-42";
            secrets.add(newUserPassword);
            assertEquals(201, node.request("POST", "/api/v1/users", "{\"username\":\"carol\",\"password\":\""
                + newUserPassword + "\",\"role\":\"operator\"}", admin).statusCode());
            var created = node.request("POST", "/api/v1/tokens", "{\"perm\":\"write\",\"name\":\"ci\"}", admin);
            assertEquals(201, created.statusCode(), created.body());
            secrets.add(TestNode.json(created).get("token").asString());
            String wrongPassword = "guessed-password-123";
            secrets.add(wrongPassword);
            assertEquals(401, node.request("POST", "/api/v1/session",
                "{\"username\":\"carol\",\"password\":\"" + wrongPassword + "\"}", null).statusCode());
            String carol = node.signIn("carol", newUserPassword);
            secrets.add(carol);
            assertEquals(204, node.request("PUT", "/api/v1/users/carol/password",
                "{\"password\":\"reset-by-the-admin-77\"}", admin).statusCode());
            secrets.add("reset-by-the-admin-77");

            var listed = node.request("GET", "/api/v1/tokens?all=true", null, admin);
            assertEquals(200, listed.statusCode());
            var users = node.request("GET", "/api/v1/users", null, admin);
            for (String secret : secrets) {
                assertFalse(listed.body().contains(secret), "token list leaks a secret");
                assertFalse(users.body().contains(secret), "user list leaks a secret");
            }
            assertFalse(users.body().contains("argon2"), "password hashes stay in the database");

            List<AuditEntry> audit = node.node().auth().audit().query(dev.granary.auth.Actor.system(), AuditQuery.latest(500)).items();
            assertTrue(audit.size() >= 6, "actions were audited: " + audit);
            for (AuditEntry e : audit) {
                for (String secret : secrets) {
                    assertFalse(e.toString().contains(secret), "audit entry leaks a secret: " + e);
                }
            }
        }
        String log = Files.readString(home.resolve("logs/granary.log"));
        assertTrue(log.contains("starting Granary"), "the log was written");
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the log contains a secret");
        }
    }
}

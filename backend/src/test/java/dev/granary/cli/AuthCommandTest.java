package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class AuthCommandTest {

    private static final String NL = System.lineSeparator();
    private static final Pattern CREATED = Pattern.compile("created token ([0-9a-f]{32}) ");

    @TempDir
    static Path home;
    static NodeCli node;

    @BeforeAll
    static void start() {
        node = NodeCli.start(home);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static NodeCli.Run asAdmin(String... args) {
        return NodeCli.run(node.env(node.adminToken()), args);
    }

    private static JsonNode session(String token) {
        HttpResponse<String> me = node.request("GET", "/api/v1/session", null, token);
        assertEquals(200, me.statusCode(), me.body());
        return NodeCli.JSON.readTree(me.body());
    }

    private static String jtiFrom(NodeCli.Run created) {
        Matcher m = CREATED.matcher(created.err());
        assertTrue(m.find(), created.err());
        return m.group(1);
    }

    @Test
    void createTokenPrintsOnlyTheTokenOnStdoutAndTheTokenCarriesThePermissions() {
        NodeCli.Run r = asAdmin("auth", "create-token", "--perm", "write", "--name", "ci", "--expires", "30d");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().lines().count(), "stdout is the token alone: " + r.out());
        String token = r.out().strip();
        assertTrue(r.err().matches("created token [0-9a-f]{32} \"ci\" for admin, allowing read,write, expires \\S+Z"
            + NL), r.err());
        assertFalse(r.err().contains(token), "the token belongs on stdout only");
        assertFalse(r.out().contains(node.adminToken()) || r.err().contains(node.adminToken()),
            "the caller's own token is never printed");

        JsonNode me = session(token);
        assertEquals("[\"read\",\"write\"]", me.get("permissions").toString());
        assertEquals("admin", me.get("username").asString());
        assertEquals(jtiFrom(r), me.get("tokenId").asString());
    }

    @Test
    void createTokenExpiryIsTheOneAskedFor() {
        NodeCli.Run r = asAdmin("auth", "create-token", "--perm", "read", "--expires", "2h", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode created = r.json();
        Duration left = Duration.between(Instant.now(), Instant.parse(created.get("expiresAt").asString()));
        assertTrue(left.compareTo(Duration.ofMinutes(119)) > 0 && left.compareTo(Duration.ofMinutes(121)) < 0, left.toString());
        assertEquals("[\"read\"]", created.get("permissions").toString());
        assertEquals("", r.err(), "--json prints only the node's answer");
        assertEquals("read", session(created.get("token").asString()).get("permissions").get(0).asString());
    }

    @Test
    void aPlainLotusTokenWorksAndSaysItCannotBeRevoked() {
        NodeCli.Run r = asAdmin("auth", "create-token", "--perm", "sign", "--lotus");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("created a plain Lotus token allowing read,write,sign; it never expires and cannot be revoked" + NL,
            r.err());
        JsonNode me = session(r.out().strip());
        assertEquals("[\"read\",\"write\",\"sign\"]", me.get("permissions").toString());
        assertTrue(me.get("username").isNull(), me.toString());
    }

    @Test
    void listTokensShowsTheNewTokenButNeverAnyTokenValue() {
        NodeCli.Run created = asAdmin("auth", "create-token", "--perm", "read", "--name", "listed-one");
        String jti = jtiFrom(created);

        NodeCli.Run list = asAdmin("auth", "list-tokens");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("ID "), list.out());
        String row = list.out().lines().filter(l -> l.startsWith(jti)).findFirst().orElseThrow(() ->
            new AssertionError(jti + " not listed:\n" + list.out()));
        assertTrue(row.matches(jti + "\\s+listed-one\\s+admin\\s+api\\s+read\\s+-\\s+\\S+Z\\s+-\\s+-\\s+active"), row);
        assertFalse(list.out().contains(created.out().strip()), "token values are never listed");
        assertFalse(list.out().contains(node.adminToken()));

        NodeCli.Run json = asAdmin("auth", "list-tokens", "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(jtisAndNames(json.json()).contains(jti + "=listed-one"), json.out());
    }

    @Test
    void listTokensAllShowsOtherUsersTokensToAnAdmin() {
        String password = "walt-password-0123";
        assertEquals(0, NodeCli.run(Map.of(ApiInfo.ENV, node.apiInfo(node.adminToken()), NewPassword.ENV, password),
            "users", "add", "walt", "--role", "operator").exitCode());
        NodeCli.Run created = NodeCli.run(node.env(node.signIn("walt", password)),
            "auth", "create-token", "--perm", "write", "--name", "walts");
        String jti = jtiFrom(created);

        NodeCli.Run mine = asAdmin("auth", "list-tokens", "--json");
        assertFalse(jtisAndNames(mine.json()).contains(jti + "=walts"), "without --all only the caller's own tokens");
        NodeCli.Run all = asAdmin("auth", "list-tokens", "--all");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().lines().anyMatch(l -> l.matches(jti + "\\s+walts\\s+walt\\s+api\\s+read,write\\s.*active")),
            all.out());
    }

    private static List<String> jtisAndNames(JsonNode tokens) {
        List<String> out = new ArrayList<>();
        tokens.forEach(t -> out.add(t.get("jti").asString() + "=" + t.get("name").asString()));
        return out;
    }

    @Test
    void revokeMakesTheTokenUnusable() {
        NodeCli.Run created = asAdmin("auth", "create-token", "--perm", "read", "--name", "short-lived");
        String token = created.out().strip();
        String jti = jtiFrom(created);
        assertEquals(200, node.request("GET", "/api/v1/session", null, token).statusCode());

        NodeCli.Run revoked = asAdmin("auth", "revoke", jti);
        assertEquals(new NodeCli.Run(0, "revoked token " + jti + " \"short-lived\" of admin" + NL, ""), revoked);
        assertEquals(401, node.request("GET", "/api/v1/session", null, token).statusCode());

        String state = asAdmin("auth", "list-tokens").out().lines().filter(l -> l.startsWith(jti)).findFirst()
            .orElseThrow();
        assertTrue(state.endsWith("revoked"), state);

        NodeCli.Run withRevoked = NodeCli.run(node.env(token), "auth", "list-tokens");
        assertEquals(1, withRevoked.exitCode());
        assertEquals("", withRevoked.out());
        assertTrue(withRevoked.err().startsWith("granary auth list-tokens: listing tokens: token " + jti
            + " was revoked at "), withRevoked.err());
        assertTrue(withRevoked.err().endsWith("(the token in GRANARY_API_INFO was refused)" + NL), withRevoked.err());
    }

    @Test
    void revokingAnUnknownTokenIsTheNodesNotFound() {
        NodeCli.Run r = asAdmin("auth", "revoke", "0123456789abcdef0123456789abcdef");
        assertEquals(new NodeCli.Run(1, "", "granary auth revoke: revoking token 0123456789abcdef0123456789abcdef: "
            + "no token with id '0123456789abcdef0123456789abcdef'" + NL), r);
    }

    @Test
    void aViewerIsRefusedAnAdminTokenWithTheNodesReason() {
        String viewerPassword = "viewer-password-0123";
        NodeCli.Run added = NodeCli.run(Map.of(ApiInfo.ENV, node.apiInfo(node.adminToken()),
            NewPassword.ENV, viewerPassword), "users", "add", "vera", "--role", "viewer");
        assertEquals(0, added.exitCode(), added.err());
        String viewer = node.signIn("vera", viewerPassword);

        HttpResponse<String> direct = node.request("POST", "/api/v1/tokens", "{\"perm\":\"admin\"}", viewer);
        assertEquals(403, direct.statusCode(), direct.body());
        String detail = NodeCli.JSON.readTree(direct.body()).get("detail").asString();

        NodeCli.Run r = NodeCli.run(node.env(viewer), "auth", "create-token", "--perm", "admin");
        assertEquals(new NodeCli.Run(1, "", "granary auth create-token: creating token: " + detail + NL), r);
        assertTrue(detail.contains("lacks '"), "the node's own reason: " + detail);
    }

    @Test
    void missingApiInfoSaysHowToSetIt() {
        NodeCli.Run r = NodeCli.run(Map.of(), "auth", "list-tokens");
        assertEquals(1, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("granary auth list-tokens: GRANARY_API_INFO is not set: set "
            + "GRANARY_API_INFO=<token>:<url>"), r.err());
        assertTrue(r.err().contains("curl -X POST http://127.0.0.1:8080/api/v1/session"), r.err());
    }

    @Test
    void aMangledApiInfoIsRefusedWithoutEchoingTheToken() {
        String token = node.adminToken();
        NodeCli.Run r = NodeCli.run(Map.of(ApiInfo.ENV, token), "auth", "list-tokens");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("granary auth list-tokens: GRANARY_API_INFO has no ':<url>' after the token"),
            r.err());
        assertFalse(r.err().contains(token));
    }

    @Test
    void theUrlMayEndInApiV1() {
        NodeCli.Run r = NodeCli.run(Map.of(ApiInfo.ENV, node.adminToken() + ":" + node.baseUrl() + "/api/v1/"),
            "auth", "list-tokens", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.json().isArray());
    }

    @Test
    void aNodeThatIsDownCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        NodeCli.Run r = NodeCli.run(Map.of(ApiInfo.ENV, node.adminToken() + ":http://127.0.0.1:" + closedPort),
            "auth", "list-tokens");
        assertEquals(new NodeCli.Run(1, "", "granary auth list-tokens: listing tokens: cannot reach the node at "
            + "http://127.0.0.1:" + closedPort + ": connection refused (is it running? the address comes from "
            + "GRANARY_API_INFO)" + NL), r);
    }

    @Test
    void usageErrorsExitTwoBeforeAnythingIsSent() {
        // No GRANARY_API_INFO at all: a usage error must be reported before the environment is even read.
        String[][] wrong = {
            {"auth", "create-token"},
            {"auth", "create-token", "--perm", "root"},
            {"auth", "create-token", "--perm", "read", "--expires", "soon"},
            {"auth", "create-token", "--perm", "read", "--lotus", "--expires", "30d"},
            {"auth", "create-token", "--perm", "read", "--lotus", "--name", "x"},
            {"auth", "revoke"},
        };
        for (String[] args : wrong) {
            NodeCli.Run r = NodeCli.run(Map.of(), args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("GRANARY_API_INFO is not set"), r.err());
        }
        NodeCli.Run lotus = NodeCli.run(Map.of(), "auth", "create-token", "--perm", "read", "--lotus", "--expires", "1d");
        assertTrue(lotus.err().startsWith("--lotus makes a plain Lotus token, which has no --expires, --name or --miners"),
            lotus.err());
        NodeCli.Run expires = NodeCli.run(Map.of(), "auth", "create-token", "--perm", "read", "--expires", "soon");
        assertTrue(expires.err().contains("'soon' is not a duration"), expires.err());
    }

    @Test
    void helpListsTheVerbs() {
        NodeCli.Run r = NodeCli.run(Map.of(), "auth");
        assertEquals(0, r.exitCode());
        for (String verb : List.of("create-token", "list-tokens", "revoke")) {
            assertTrue(r.out().contains(verb), r.out());
        }
        assertNotNull(GranaryCli.commandLine().getSubcommands().get("auth"));
    }
}

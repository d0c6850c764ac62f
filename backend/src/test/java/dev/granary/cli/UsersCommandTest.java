package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class UsersCommandTest {

    private static final String NL = System.lineSeparator();

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

    private static NodeCli.Run asAdminWithPassword(String password, String... args) {
        return NodeCli.run(Map.of(ApiInfo.ENV, node.apiInfo(node.adminToken()), NewPassword.ENV, password), args);
    }

    private static String row(String listOutput, String username) {
        return listOutput.lines().filter(l -> l.startsWith(username + " ")).findFirst()
            .orElseThrow(() -> new AssertionError(username + " not listed:\n" + listOutput));
    }

    /** Answers prompts from a script and records what was asked. */
    private static final class ScriptedPrompt implements PasswordPrompt {
        final Deque<String> answers;
        final List<String> asked = new ArrayList<>();

        ScriptedPrompt(String... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public char[] read(String prompt) {
            asked.add(prompt);
            return answers.removeFirst().toCharArray();
        }
    }

    @Test
    void addListSetRoleDisableAndEnableAUser() {
        String password = "carol-password-0123";
        NodeCli.Run added = asAdminWithPassword(password, "users", "add", "carol", "--role", "viewer",
            "--display-name", "Carol Clerk", "--miners", "f01234,f05678");
        assertEquals(new NodeCli.Run(0, "added user carol (viewer); they must change the password at first sign-in" + NL,
            ""), added);
        String carol = node.signIn("carol", password);

        NodeCli.Run list = asAdmin("users", "list");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().startsWith("USERNAME "), list.out());
        assertTrue(row(list.out(), "carol").matches(
            "carol\\s+Carol Clerk\\s+viewer\\s+enabled, must change password\\s+f01234,f05678\\s+\\S+Z"),
            row(list.out(), "carol"));
        assertTrue(row(list.out(), "admin").contains(" admin "), list.out());

        assertEquals(new NodeCli.Run(0, "carol is now operator" + NL, ""),
            asAdmin("users", "set-role", "carol", "operator"));
        assertEquals("operator", user(asAdmin("users", "list", "--json").json(), "carol").get("role").asString());
        // A new sign-in carries the new role (API tokens keep their own, narrower Allow list).
        String promoted = node.signIn("carol", password);
        assertEquals("[\"read\",\"write\"]",
            NodeCli.JSON.readTree(node.request("GET", "/api/v1/session", null, promoted).body()).get("permissions").toString());

        assertEquals(new NodeCli.Run(0, "disabled carol" + NL, ""), asAdmin("users", "disable", "carol"));
        assertEquals(401, node.request("GET", "/api/v1/session", null, carol).statusCode());
        assertTrue(row(asAdmin("users", "list").out(), "carol").contains(" disabled, must change password "));

        assertEquals(new NodeCli.Run(0, "enabled carol" + NL, ""), asAdmin("users", "enable", "carol"));
        assertEquals(200, node.request("GET", "/api/v1/session", null, carol).statusCode());
    }

    private static JsonNode user(JsonNode list, String username) {
        for (JsonNode u : list) {
            if (u.get("username").asString().equals(username)) {
                return u;
            }
        }
        throw new AssertionError(username + " not in " + list);
    }

    @Test
    void withoutTheVariableThePasswordIsAskedTwiceAndMustMatch() {
        ScriptedPrompt differing = new ScriptedPrompt("dan-password-0123", "dan-password-0124");
        NodeCli.Run refused = NodeCli.run(node.env(node.adminToken()), differing, "users", "add", "dan", "--role", "signer");
        assertEquals(new NodeCli.Run(1, "", "granary users add: the two passwords differ; nothing was changed" + NL), refused);
        assertEquals(List.of("New password for dan: ", "Type it again: "), differing.asked);
        assertFalse(asAdmin("users", "list", "--json").out().contains("\"dan\""), "no user was created");

        ScriptedPrompt matching = new ScriptedPrompt("dan-password-0123", "dan-password-0123");
        NodeCli.Run added = NodeCli.run(node.env(node.adminToken()), matching, "users", "add", "dan", "--role", "signer");
        assertEquals(0, added.exitCode(), added.err());
        assertEquals(201, node.signInResponse("dan", "dan-password-0123").statusCode());
    }

    @Test
    void thePasswordIsNeverACommandLineArgument() {
        NodeCli.Run r = asAdmin("users", "add", "eve", "--role", "viewer", "--password", "eve-password-0123");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("Unknown option"), r.err());
    }

    @Test
    void resetPasswordTakesTheNewOneFromTheVariable() {
        assertEquals(0, asAdminWithPassword("fay-password-0123", "users", "add", "fay", "--role", "viewer").exitCode());
        NodeCli.Run reset = asAdminWithPassword("fay-password-4567", "users", "reset-password", "fay");
        assertEquals(new NodeCli.Run(0, "reset the password of fay; they must change it at their next sign-in" + NL, ""),
            reset);
        assertEquals(201, node.signInResponse("fay", "fay-password-4567").statusCode());
        assertEquals(401, node.signInResponse("fay", "fay-password-0123").statusCode());
    }

    @Test
    void theNodesRefusalsArePrintedWithTheAction() {
        asAdminWithPassword("gus-password-0123", "users", "add", "gus", "--role", "viewer");
        NodeCli.Run again = asAdminWithPassword("gus-password-0123", "users", "add", "gus", "--role", "viewer");
        assertEquals(new NodeCli.Run(1, "", "granary users add: adding user gus: a user named 'gus' already exists" + NL),
            again);

        NodeCli.Run shortPassword = asAdminWithPassword("short", "users", "add", "hal", "--role", "viewer");
        assertEquals(1, shortPassword.exitCode());
        assertTrue(shortPassword.err().startsWith("granary users add: adding user hal: "), shortPassword.err());

        NodeCli.Run unknown = asAdmin("users", "disable", "nobody");
        assertEquals(new NodeCli.Run(1, "", "granary users disable: disabling nobody: no user named 'nobody'" + NL),
            unknown);

        String viewer = node.signIn("gus", "gus-password-0123");
        NodeCli.Run notAdmin = NodeCli.run(node.env(viewer), "users", "list");
        assertEquals(1, notAdmin.exitCode());
        assertTrue(notAdmin.err().startsWith("granary users list: listing users: GET /api/v1/users needs the 'admin'"
            + " permission"), notAdmin.err());
    }

    @Test
    void usageErrorsExitTwo() {
        String[][] wrong = {
            {"users", "add", "ivy"},
            {"users", "add", "ivy", "--role", "root"},
            {"users", "set-role", "ivy"},
            {"users", "set-role", "ivy", "superuser"},
            {"users", "disable"},
        };
        for (String[] args : wrong) {
            NodeCli.Run r = NodeCli.run(node.env(node.adminToken()), args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
        }
    }

    @Test
    void missingApiInfoSaysHowToSetIt() {
        NodeCli.Run r = NodeCli.run(Map.of(), "users", "list");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("granary users list: GRANARY_API_INFO is not set: "), r.err());
    }
}

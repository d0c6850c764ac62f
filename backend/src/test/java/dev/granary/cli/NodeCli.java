package dev.granary.cli;

import dev.granary.testing.TestNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real node plus the `granary` CLI run in-process against it, with GRANARY_API_INFO (and any other
 * variable) passed in a map instead of the process environment, and stdout/stderr captured.
 */
final class NodeCli implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Any test that reaches the terminal prompt by mistake fails instead of hanging or touching System.console. */
    static final PasswordPrompt NO_PROMPT = prompt -> {
        throw new AssertionError("unexpected password prompt: " + prompt);
    };

    record Run(int exitCode, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    private final Path home;
    private final TestNode node;
    private String adminToken;

    private NodeCli(Path home, TestNode node) {
        this.home = home;
        this.node = node;
    }

    static NodeCli start(Path home) {
        return new NodeCli(home, TestNode.start(home));
    }

    String baseUrl() {
        return node.url("");
    }

    /** The GRANARY_API_INFO value for this node and token. */
    String apiInfo(String token) {
        return token + ":" + baseUrl();
    }

    Map<String, String> env(String token) {
        return Map.of(ApiInfo.ENV, apiInfo(token));
    }

    /** The admin's session token: signed in with the first-start password from the home directory. */
    synchronized String adminToken() {
        if (adminToken == null) {
            try {
                String password = Files.readAllLines(home.resolve("initial-admin-password")).getFirst().strip();
                adminToken = signIn("admin", password);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return adminToken;
    }

    String signIn(String username, String password) {
        HttpResponse<String> r = signInResponse(username, password);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("signing in " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("token").asString();
    }

    HttpResponse<String> signInResponse(String username, String password) {
        return request("POST", "/api/v1/session",
            JSON.writeValueAsString(Map.of("username", username, "password", password)), null);
    }

    HttpResponse<String> request(String method, String path, String jsonBody, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30))
            .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs `granary ARGS` as the top-level CLI would, with these variables and this password prompt. */
    static Run run(Map<String, String> env, PasswordPrompt prompt, String... args) {
        CommandLine cli = GranaryCli.commandLine();
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof ApiGroup group) {
                group.environment = env::get;
            }
        }
        UsersCommand users = cli.getSubcommands().get("users").getCommand();
        users.passwordPrompt = prompt;
        WalletCommand wallet = cli.getSubcommands().get("wallet").getCommand();
        wallet.passwordPrompt = prompt;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run run(Map<String, String> env, String... args) {
        return run(env, NO_PROMPT, args);
    }

    @Override
    public void close() {
        node.close();
    }
}

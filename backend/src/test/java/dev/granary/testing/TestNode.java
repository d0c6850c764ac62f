package dev.granary.testing;

import dev.granary.auth.Actor;
import dev.granary.auth.InitialAdmin;
import dev.granary.auth.Role;
import dev.granary.auth.UserService;
import dev.granary.http.WebUi;
import dev.granary.node.Node;
import dev.granary.node.NodeOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real node for tests: its own home under a temp directory, a random port on loopback, real stores.
 * Tests may write a config.toml into the home before starting.
 */
public final class TestNode implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every test node's wallet store is unlocked with this at start. */
    public static final String WALLET_PASSPHRASE = "correct horse battery staple (test wallet)";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Node node;
    private String adminToken;

    private TestNode(Node node) {
        this.node = node;
    }

    public static TestNode start(Path home) {
        return start(home, Optional.empty());
    }

    /**
     * Starts a node on {@code home}. Unless the test's config.toml says otherwise, the chain runs on the
     * manual clock, so blocks appear only when the test advances it ({@link #advanceEpochs}).
     */
    public static TestNode start(Path home, Optional<WebUi> ui) {
        useManualChainClockUnlessConfigured(home);
        return new TestNode(Node.start(new NodeOptions(home, "127.0.0.1:0", ui, Clock.systemUTC())
            .withWalletPassphrase(WALLET_PASSPHRASE)));
    }

    private static void useManualChainClockUnlessConfigured(Path home) {
        try {
            Files.createDirectories(home);
            Path config = home.resolve("config.toml");
            String text = Files.exists(config) ? Files.readString(config) : "";
            if (!text.contains("[chain]")) {
                Files.writeString(config, text + "\n[chain]\nclock = \"manual\"\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Advances the chain's manual clock by {@code epochs}, producing each epoch's block; returns the new head height. */
    public long advanceEpochs(long epochs) {
        node.manualClock().orElseThrow(() -> new IllegalStateException("this test node's chain is not on the manual clock"))
            .advance(epochs);
        return node.chain().chainHead().height();
    }

    /** Writes config.toml before the node's first start. */
    public static void writeConfig(Path home, String toml) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("config.toml"), toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Node node() {
        return node;
    }

    public String url(String path) {
        return node.baseUrl() + path;
    }

    /** An anonymous GET. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    /** A GET with the admin's token. */
    public HttpResponse<String> getAsAdmin(String path) {
        return request("GET", path, null, adminToken());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, Map.of());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body,
                                     Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b);
    }

    /** A request with a bearer token (null: none); a JSON body when {@code body} is not null. */
    public HttpResponse<String> request(String method, String path, String body, String token) {
        return send(method, path, body == null ? null : "application/json", body,
            token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** The generated first-start password of user admin. */
    public String initialAdminPassword() {
        try {
            return Files.readString(node.home().root().resolve(InitialAdmin.FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A session token for the admin (signed in once, then reused). */
    public synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = signIn("admin", initialAdminPassword());
        }
        return adminToken;
    }

    /** Signs in through POST /api/v1/session and returns the bearer token. */
    public String signIn(String username, String password) {
        HttpResponse<String> r = request("POST", "/api/v1/session",
            JSON.writeValueAsString(Map.of("username", username, "password", password)), null);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("signing in " + username + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return json(r).get("token").asString();
    }

    /** Creates a user with the role (through the service, as the node itself) and returns their token. */
    public String tokenForNewUser(String username, Role role) {
        String password = "pw-" + username + "-0123456789";
        node.auth().users().create(Actor.system(), new UserService.NewUser(username, username, password, role.id(),
            List.of()));
        return signIn(username, password);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        node.stop();
    }
}

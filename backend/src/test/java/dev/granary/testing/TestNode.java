package dev.granary.testing;

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
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real node for tests: its own home under a temp directory, a random port on loopback, real stores.
 * Tests may write a config.toml into the home before starting.
 */
public final class TestNode implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Node node;

    private TestNode(Node node) {
        this.node = node;
    }

    public static TestNode start(Path home) {
        return start(home, Optional.empty());
    }

    public static TestNode start(Path home, Optional<WebUi> ui) {
        return new TestNode(Node.start(new NodeOptions(home, "127.0.0.1:0", ui, Clock.systemUTC())));
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

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public HttpResponse<String> send(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
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

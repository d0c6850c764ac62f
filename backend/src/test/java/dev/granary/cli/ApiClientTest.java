package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers that do not come from a Granary node: a wrong URL must say so, and never leak the token. */
class ApiClientTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJBbGxvdyI6WyJyZWFkIl19.c2lnbmF0dXJl";

    private HttpServer server;
    private final AtomicReference<String> redirectedWithAuth = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/html", exchange -> {
            byte[] page = "<html>not found</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(404, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.createContext("/api/v1/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/elsewhere");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            redirectedWithAuth.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ApiClient client() {
        return new ApiClient(ApiInfo.parse(TOKEN + ":http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Test
    void aNonGranaryAnswerSuggestsCheckingTheUrl() {
        ApiClient.NodeRefusedException e = assertThrows(ApiClient.NodeRefusedException.class,
            () -> client().get("listing things", "/v1/html"));
        assertEquals("listing things: HTTP 404 from http://127.0.0.1:" + server.getAddress().getPort()
            + "/api/v1/html (is GRANARY_API_INFO pointing at a Granary node?)", e.getMessage());
        assertEquals(404, e.status());
        assertNull(e.problemType());
    }

    @Test
    void redirectsAreNotFollowedSoTheTokenStaysWithTheNode() {
        ApiClient.NodeRefusedException e = assertThrows(ApiClient.NodeRefusedException.class,
            () -> client().get("following", "/v1/moved"));
        assertEquals(302, e.status());
        assertNull(redirectedWithAuth.get(), "the client went to the redirect target");
    }

    @Test
    void pathSegmentsAreEncoded() {
        assertEquals("a%2Fb%20c%3F", ApiClient.segment("a/b c?"));
    }
}

package dev.granary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.granary.auth.AuthServices;
import dev.granary.auth.Permission;
import dev.granary.db.Database;
import dev.granary.node.NodeConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import dev.granary.http.WebServer;
import dev.granary.node.HostPort;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A handler that blows up answers 500 without internals, and the log has the trace under the same id. */
class InternalErrorTest {

    @Test
    void aFailingHandlerGivesA500WithoutStackTraceAndLogsItWithTheRequestId(@TempDir Path home) throws Exception {
        RouteGroup failing = () -> List.of(ApiRoute.get("/v1/explode").permission(Permission.PUBLIC)
            .summary("fails on purpose").handler(ctx -> {
                throw new IllegalStateException("secret internal detail");
            }));
        Logger restLog = (Logger) LoggerFactory.getLogger(RestApi.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        restLog.addAppender(captured);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Database db = Database.open(NodeConfig.defaults().database(), home);
        AuthServices auth = AuthServices.create(db.jdbi(), home, NodeConfig.defaults().auth(), Clock.systemUTC());
        WebServer server = new WebServer(new HostPort("127.0.0.1", 0),
            new RestApi(List.of(failing), "test", metrics, auth), metrics, auth, null);
        server.start();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/explode")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(500, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
            JsonNode body = JsonMapper.builder().build().readTree(response.body());
            assertEquals("urn:granary:problem:internal", body.get("type").asString());
            assertFalse(response.body().contains("secret internal detail"), response.body());
            assertFalse(response.body().contains("IllegalStateException"), response.body());
            assertFalse(response.body().contains("at dev.granary"), response.body());
            String requestId = body.get("requestId").asString();
            assertTrue(body.get("detail").asString().contains(requestId));

            ILoggingEvent logged = captured.list.stream().filter(e -> e.getFormattedMessage().contains(requestId))
                .findFirst().orElseThrow(() -> new AssertionError("no log line with request id " + requestId));
            assertEquals("secret internal detail", logged.getThrowableProxy().getMessage());
        } finally {
            server.stop();
            db.close();
            restLog.detachAppender(captured);
        }
    }
}

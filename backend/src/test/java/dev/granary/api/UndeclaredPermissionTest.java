package dev.granary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.granary.auth.AuthServices;
import dev.granary.db.Database;
import dev.granary.node.NodeConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UndeclaredPermissionTest {

    @Test
    void aRouteWithoutAPermissionStopsTheApiFromBeingBuiltNamingIt(@TempDir Path home) {
        RouteGroup careless = () -> List.of(ApiRoute.post("/v1/wallets/{address}/send").summary("moves funds")
            .handler(ctx -> ctx.result("sent")));
        try (Database db = Database.open(NodeConfig.defaults().database(), home)) {
            AuthServices auth = AuthServices.create(db.jdbi(), home, NodeConfig.defaults().auth(), Clock.systemUTC());
            var e = assertThrows(IllegalStateException.class, () -> new RestApi(List.of(careless), "test",
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), auth));
            assertEquals("REST route POST /v1/wallets/{address}/send declares no permission; every route and view"
                + " must declare the one it needs", e.getMessage());
        }
    }
}

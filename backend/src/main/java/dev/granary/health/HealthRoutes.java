package dev.granary.health;

import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import java.util.List;

public final class HealthRoutes implements RouteGroup {

    private final HealthService health;

    public HealthRoutes(HealthService health) {
        this.health = health;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/v1/health")
            .permission(Permission.PUBLIC)
            .tag("node")
            .summary("Health of each component: database, rocksdb, kernels, disk")
            .response(200, "Every component is up", schema())
            .response(503, "A component is down; `failing` names it", schema())
            .handler(ctx -> {
                HealthReport report = health.check();
                ctx.status(report.up() ? 200 : 503).json(report.toJson());
            }));
    }

    private static JsonSchema schema() {
        JsonSchema component = JsonSchema.object()
            .prop("status", JsonSchema.string().enumOf("up", "down"))
            .prop("error", JsonSchema.string().description("Why the component is down"), false);
        return JsonSchema.object()
            .prop("status", JsonSchema.string().enumOf("up", "down"))
            .prop("checkedAt", JsonSchema.string().format("date-time"))
            .prop("failing", JsonSchema.array(JsonSchema.string()))
            .prop("components", JsonSchema.object().additionalProperties(component));
    }
}

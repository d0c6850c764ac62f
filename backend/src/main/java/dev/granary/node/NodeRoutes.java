package dev.granary.node;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Node-wide routes: version, and log levels at run time (like `lotus log set-level`). */
public final class NodeRoutes implements RouteGroup {

    private final NodeStatus status;

    public NodeRoutes(NodeStatus status) {
        this.status = status;
    }

    public record LevelChange(String level) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.get("/v1/version")
                .permission(Permission.READ)
                .summary("Granary version, API version, Java runtime and node id")
                .response(200, "Version information", JsonSchema.object()
                    .prop("version", JsonSchema.string())
                    .prop("apiVersion", JsonSchema.string())
                    .prop("java", JsonSchema.string())
                    .prop("nodeId", JsonSchema.string().format("uuid"))
                    .prop("startedAt", JsonSchema.string().format("date-time")))
                .handler(ctx -> ctx.json(version())),
            ApiRoute.get("/v1/log-levels")
                .permission(Permission.READ)
                .summary("Loggers with an explicit level, and the root level")
                .response(200, "Logger name to level", JsonSchema.object().additionalProperties(JsonSchema.string()))
                .handler(ctx -> ctx.json(Logging.levels())),
            ApiRoute.put("/v1/log-levels/{logger}")
                .permission(Permission.ADMIN)
                .summary("Set a logger's level until the next restart (\"root\" for the root logger)")
                .requestBody(JsonSchema.object().prop("level",
                    JsonSchema.string().enumOf("trace", "debug", "info", "warn", "error")))
                .response(200, "The logger and its new level", JsonSchema.object()
                    .prop("logger", JsonSchema.string()).prop("level", JsonSchema.string()))
                .handler(ctx -> {
                    LevelChange change = ApiRequests.body(ctx, LevelChange.class);
                    String logger = ctx.pathParam("logger");
                    try {
                        Logging.setLevel(logger, change.level());
                    } catch (IllegalArgumentException e) {
                        throw ApiRequests.invalid("setting level of logger " + logger + ": " + e.getMessage());
                    }
                    ctx.json(Map.of("logger", logger, "level", change.level()));
                }));
    }

    private Map<String, Object> version() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", status.build().version());
        v.put("apiVersion", "v1");
        v.put("java", status.build().javaVersion());
        v.put("nodeId", status.identity().nodeId());
        v.put("startedAt", status.startedAt().toString());
        return v;
    }
}

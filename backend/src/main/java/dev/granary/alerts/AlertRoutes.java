package dev.granary.alerts;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /api/v1/alerts: what needs an operator's attention. */
public final class AlertRoutes implements RouteGroup {

    private final Alerts alerts;

    public AlertRoutes(Alerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(ApiRoute.get("/v1/alerts").permission(Permission.READ).tag("alerts")
            .summary("Open alerts, most severe first; ?all=true adds recently resolved ones; ?limit=N (default 100, at most 500)")
            .response(200, "The alerts", JsonSchema.array(JsonSchema.object()
                .prop("id", JsonSchema.integer()).prop("key", JsonSchema.string())
                .prop("severity", JsonSchema.string()).prop("source", JsonSchema.string())
                .prop("message", JsonSchema.string()).prop("raisedAt", JsonSchema.string())
                .prop("lastSeenAt", JsonSchema.string()).prop("resolvedAt", JsonSchema.string())
                .prop("resolution", JsonSchema.string())))
            .handler(this::list));
    }

    private void list(Context ctx) {
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("all"));
        int limit = ApiRequests.limit(ctx, 100, 500);
        ctx.json(alerts.list(RestAccess.actor(ctx), all, limit).stream().map(AlertRoutes::json).toList());
    }

    static Map<String, Object> json(Alert a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.id());
        out.put("key", a.key());
        out.put("severity", a.severity().id());
        out.put("source", a.source());
        out.put("message", a.message());
        out.put("raisedAt", a.raisedAt().toString());
        out.put("lastSeenAt", a.lastSeenAt().toString());
        out.put("resolvedAt", a.resolvedAt().map(Object::toString).orElse(null));
        out.put("resolution", a.resolution());
        return out;
    }
}

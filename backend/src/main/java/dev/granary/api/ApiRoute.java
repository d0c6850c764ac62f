package dev.granary.api;

import dev.granary.auth.Permission;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One REST route: where it is, the permission it needs, and what the OpenAPI document says about it.
 * Routes exist only through this type, so none can be registered without a permission or a description.
 *
 * @param path relative to /api, with Javalin path parameters: "/v1/log-levels/{logger}"
 */
public record ApiRoute(HandlerType method, String path, Permission permission, String tag, String summary,
                       JsonSchema requestBody, Map<Integer, Response> responses, Handler handler) {

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        responses = Map.copyOf(responses);
    }

    public record Response(String description, String contentType, JsonSchema schema) {}

    public static Builder get(String path) { return new Builder(HandlerType.GET, path); }
    public static Builder post(String path) { return new Builder(HandlerType.POST, path); }
    public static Builder put(String path) { return new Builder(HandlerType.PUT, path); }
    public static Builder patch(String path) { return new Builder(HandlerType.PATCH, path); }
    public static Builder delete(String path) { return new Builder(HandlerType.DELETE, path); }

    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private Permission permission;
        private String tag = "node";
        private String summary = "";
        private JsonSchema requestBody;
        private final Map<Integer, Response> responses = new LinkedHashMap<>();

        private Builder(HandlerType method, String path) {
            this.method = method;
            this.path = path;
        }

        public Builder permission(Permission permission) { this.permission = permission; return this; }
        public Builder tag(String tag) { this.tag = tag; return this; }
        public Builder summary(String summary) { this.summary = summary; return this; }
        public Builder requestBody(JsonSchema schema) { this.requestBody = schema; return this; }

        public Builder response(int status, String description, JsonSchema schema) {
            responses.put(status, new Response(description, "application/json", schema));
            return this;
        }

        public Builder response(int status, String description, String contentType, JsonSchema schema) {
            responses.put(status, new Response(description, contentType, schema));
            return this;
        }

        public ApiRoute handler(Handler handler) {
            return new ApiRoute(method, path, permission, tag, summary, requestBody, responses, handler);
        }
    }
}

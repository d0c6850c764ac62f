package dev.granary.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the OpenAPI 3.1 document from the registered routes, so it cannot drift from what is served. */
public final class OpenApiDocument {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}/]+)}");

    private OpenApiDocument() {}

    public static Map<String, Object> build(List<ApiRoute> routes, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of(
            "title", "Granary REST API",
            "version", version,
            "description", "Storage-provider node API. Errors are application/problem+json (RFC 9457) with a"
                + " stable `type` URN. Each operation's `x-granary-permission` names the permission it needs."));
        doc.put("servers", List.of(Map.of("url", "/api")));
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<>());
            item.put(route.method().name().toLowerCase(Locale.ROOT), operation(route));
        }
        doc.put("paths", paths);
        doc.put("components", Map.of("schemas", Map.of("Problem", problemSchema().toMap())));
        return doc;
    }

    private static Map<String, Object> operation(ApiRoute route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", operationId(route));
        op.put("summary", route.summary());
        op.put("tags", List.of(route.tag()));
        op.put("x-granary-permission", route.permission().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> params = pathParameters(route.path());
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (route.requestBody() != null) {
            op.put("requestBody", Map.of("required", true,
                "content", Map.of("application/json", Map.of("schema", route.requestBody().toMap()))));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        route.responses().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ApiRoute.Response r = e.getValue();
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("description", r.description());
            if (r.schema() != null) {
                response.put("content", Map.of(r.contentType(), Map.of("schema", r.schema().toMap())));
            }
            responses.put(String.valueOf(e.getKey()), response);
        });
        responses.put("default", Map.of("description", "An error, as a problem document",
            "content", Map.of(Problem.CONTENT_TYPE, Map.of("schema", JsonSchema.ref("Problem").toMap()))));
        op.put("responses", responses);
        return op;
    }

    private static List<Map<String, Object>> pathParameters(String path) {
        List<Map<String, Object>> params = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(path);
        while (m.find()) {
            params.add(Map.of("name", m.group(1), "in", "path", "required", true,
                "schema", JsonSchema.string().toMap()));
        }
        return params;
    }

    static String operationId(ApiRoute route) {
        StringBuilder id = new StringBuilder(route.method().name().toLowerCase(Locale.ROOT));
        for (String part : route.path().split("[/{}.\\-]+")) {
            if (!part.isEmpty() && !part.matches("v\\d+")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    private static JsonSchema problemSchema() {
        return JsonSchema.object()
            .prop("type", JsonSchema.string().format("uri").description("Stable URN of the kind of problem"))
            .prop("title", JsonSchema.string())
            .prop("status", JsonSchema.integer())
            .prop("detail", JsonSchema.string().description("What went wrong and what to do about it"))
            .prop("instance", JsonSchema.string().description("The request path"), false)
            .prop("requestId", JsonSchema.string().description("Matches the X-Request-Id header and the log line"),
                false);
    }
}

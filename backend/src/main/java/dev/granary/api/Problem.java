package dev.granary.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 (formerly 7807) problem document. {@code type} is a stable URN per kind of problem, so
 * scripts can branch on it; {@code detail} is written for the person who has to act on it.
 */
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      Map<String, Object> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:granary:problem:";

    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, null, Map.of());
    }

    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, instance, requestId, extensions);
    }

    public Problem with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, instance, requestId, Map.copyOf(more));
    }

    /** The JSON body: the standard members first, then extensions. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        body.putAll(extensions);
        return body;
    }
}

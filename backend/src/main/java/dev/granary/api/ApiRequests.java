package dev.granary.api;

import io.javalin.http.Context;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Reading request bodies with errors a caller can act on. */
public final class ApiRequests {

    /**
     * Unknown fields are refused: a typo ("canstore", "idempotency_key") must not silently drop an option.
     * A fraction where a whole number is required ("epochs": 1.5) is refused too, not truncated.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();

    private ApiRequests() {}

    public static <T> T body(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "send the request body as application/json (got " + contentType + ")");
        }
        String body = ctx.body();
        if (body.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is empty; send a JSON object");
        }
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is null; send a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw unknownField(e.getPropertyName(), e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
            throw new ProblemException(ProblemType.MALFORMED_JSON,
                "the request body is not valid JSON for this route" + where + ": " + e.getOriginalMessage());
        }
    }

    /** The {@code limit} query parameter of a list route: 1 to {@code max}, {@code fallback} when absent. */
    public static int limit(Context ctx, int fallback, int max) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("limit must be a whole number from 1 to " + max);
    }

    /** For routes that read a body as a JSON tree: refuses any field not in {@code known}. */
    public static void onlyFields(JsonNode body, String... known) {
        List<String> names = List.of(known);
        for (var field : body.properties()) {
            if (!names.contains(field.getKey())) {
                throw unknownField(field.getKey(), names.stream().sorted().toList());
            }
        }
    }

    private static ProblemException unknownField(String field, List<String> known) {
        String clipped = field.length() <= 40 ? field : field.substring(0, 40) + "…";
        return invalid("unknown field '" + clipped + "'; this request takes " + String.join(", ", known)
            + " (names are case-sensitive)");
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }
}

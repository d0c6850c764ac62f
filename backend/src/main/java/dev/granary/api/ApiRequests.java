package dev.granary.api;

import io.javalin.http.Context;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reading request bodies with errors a caller can act on. */
public final class ApiRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    public static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }
}

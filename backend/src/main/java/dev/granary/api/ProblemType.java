package dev.granary.api;

/**
 * Every kind of REST error, with its stable URN slug, HTTP status and title. Never rename a slug.
 * {@link #forStatus} answers the first type of a status, so the general one of each status comes first.
 */
public enum ProblemType {
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    INVALID_REQUEST("invalid-request", 400, "Invalid request"),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    CSRF("csrf", 403, "CSRF token missing or wrong"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    CONFLICT("conflict", 409, "Conflict"),
    WALLET_LOCKED("wallet-locked", 423, "Wallet locked"),
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
    INTERNAL("internal", 500, "Internal server error");

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() { return slug; }
    public int status() { return status; }
    public String title() { return title; }

    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}

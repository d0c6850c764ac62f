package dev.granary.audit;

import java.time.Instant;

/**
 * Filters for reading the audit log, newest first. {@code before} is the cursor: entries with a smaller
 * id than it. Text filters match case-insensitively anywhere in the field.
 */
public record AuditQuery(String actor, String action, String target, String outcome, Instant from, Instant to,
                         Long before, int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit);
    }
}

package dev.granary.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A recorded token (its secret value is never stored or shown again after creation). */
public record ApiToken(String jti, String username, String name, String kind, Set<Permission> permissions,
                       List<String> miners, Instant createdAt, Instant expiresAt, Instant revokedAt, String revokedBy,
                       Instant lastUsedAt) {

    public static final String KIND_API = "api";
    public static final String KIND_SESSION = "session";

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

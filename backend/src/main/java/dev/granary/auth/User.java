package dev.granary.auth;

import java.time.Instant;
import java.util.List;

/** A person who signs in. The password hash never leaves the auth package's stores. */
public record User(long id, String username, String displayName, Role role, boolean enabled,
                   boolean mustChangePassword, List<String> miners, Instant createdAt, Instant lastLoginAt) {

    public User {
        miners = List.copyOf(miners);
    }
}

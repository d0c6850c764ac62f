package dev.granary.auth;

import java.time.Instant;

/** A signed-in browser: its id is the cookie value, its CSRF token guards state-changing REST calls. */
public record WebSession(String id, String username, String csrfToken, Instant createdAt) {}

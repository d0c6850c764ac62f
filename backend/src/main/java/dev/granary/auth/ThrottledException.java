package dev.granary.auth;

import java.time.Duration;

/** Too many failed sign-ins; the message says for whom and how long to wait (REST: 429). */
public final class ThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}

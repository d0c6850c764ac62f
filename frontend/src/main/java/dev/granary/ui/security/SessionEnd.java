package dev.granary.ui.security;

import dev.granary.units.Durations;
import java.time.Duration;
import java.util.Optional;

/** Why a browser that had a session is on the login page again; told to the person there. */
public enum SessionEnd {
    SIGNED_OUT("signed-out"),
    IDLE("idle"),
    ENDED("ended");

    private final String parameter;

    SessionEnd(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public String message(Duration idleTimeout) {
        return switch (this) {
            case SIGNED_OUT -> "You have signed out.";
            case IDLE -> "You were signed out after " + Durations.format(idleTimeout) + " without activity.";
            case ENDED -> "Your session has ended. Please sign in again.";
        };
    }

    public static Optional<SessionEnd> fromParameter(String value) {
        for (SessionEnd end : values()) {
            if (end.parameter.equals(value)) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }
}

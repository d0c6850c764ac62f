package dev.granary.ui.tokens;

import java.time.Duration;
import java.util.List;

/** The lifetimes offered for a new token. */
enum Expiry {
    NEVER("never", null),
    DAY("1 day", Duration.ofDays(1)),
    WEEK("7 days", Duration.ofDays(7)),
    MONTH("30 days", Duration.ofDays(30)),
    QUARTER("90 days", Duration.ofDays(90)),
    YEAR("1 year", Duration.ofDays(365));

    private final String label;
    private final Duration lifetime;

    Expiry(String label, Duration lifetime) {
        this.label = label;
        this.lifetime = lifetime;
    }

    String label() {
        return label;
    }

    /** Null for a token that does not expire. */
    Duration lifetime() {
        return lifetime;
    }

    static List<Expiry> all() {
        return List.of(values());
    }
}

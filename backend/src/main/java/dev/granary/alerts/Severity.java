package dev.granary.alerts;

import java.util.Locale;

/** How urgent an alert is: warning (act soon) or critical (money or proofs are at risk now). */
public enum Severity {
    INFO, WARNING, CRITICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Severity parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}

package dev.granary.messages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deterministic crash points for process-level tests: with GRANARY_FAULT=&lt;point&gt; in the environment,
 * the JVM halts at that point as a kill -9 would (no shutdown hooks, no ordered stop). Unset in normal
 * operation, where {@link #at} does nothing.
 */
final class Faults {

    static final String ENV = "GRANARY_FAULT";
    /** Right after a message's record (nonce, signed bytes) commits, before it is pushed. */
    static final String AFTER_RECORD = "messages.after-record";

    private static final Logger log = LoggerFactory.getLogger(Faults.class);
    private static final String CONFIGURED = System.getenv(ENV);

    private Faults() {
    }

    static void at(String point) {
        if (CONFIGURED != null && CONFIGURED.strip().equals(point)) {
            log.error("{}={}: halting the JVM here, as a crash would", ENV, point);
            System.err.println(ENV + "=" + point + ": halting the JVM here, as a crash would");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}

package dev.granary.ui.security;

import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;

/**
 * When the person at this browser last did something: navigated or pressed a button. The dashboard
 * polls to keep the Overview live, and those polls reach the node's session store too; counting them
 * as activity would keep an unattended dashboard signed in forever, so the idle timeout is measured
 * from this instead.
 */
final class Activity {

    private static final String KEY = Activity.class.getName();

    private Activity() {}

    static void record(VaadinSession session, Instant now) {
        session.setAttribute(KEY, now);
    }

    static boolean idleLongerThan(VaadinSession session, Duration timeout, Instant now) {
        Object last = session.getAttribute(KEY);
        return last instanceof Instant at && at.plus(timeout).isBefore(now);
    }

    static void forget(VaadinSession session) {
        session.setAttribute(KEY, null);
    }
}

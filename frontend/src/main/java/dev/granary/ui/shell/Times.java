package dev.granary.ui.shell;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the dashboard shows them: UTC, to the second, the same for everyone looking. */
public final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private Times() {}

    /** "2026-11-21 12:43:27", or "" for null. */
    public static String utc(Instant at) {
        return at == null ? "" : FORMAT.format(at);
    }

    /** "2026-11-21 12:43", for tables where seconds only cost width. */
    public static String utcMinutes(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }
}

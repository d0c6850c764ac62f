package dev.granary.units;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as operators write them: "30s", "30m", "2h", "30d", or combined "1h30m". */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {}

    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            total = plus(total, m.group(1), m.group(2), text);
            end = m.end();
        }
        if (value.isEmpty() || end != value.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 30s, 30m, 2h, 30d, 1h30m)");
        }
        return total;
    }

    /** {@code total} plus one part; a number too large for a duration is the caller's error, not an overflow. */
    private static Duration plus(Duration total, String digits, String unit, String text) {
        try {
            long n = Long.parseLong(digits);
            return total.plus(switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(Math.multiplyExact(7, n));
            });
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration; write a shorter one (e.g. 30d)");
        }
    }

    /** "1h 5m", "42s": for messages to people. */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : " " + (s % 60) + "s");
        }
        if (s < 86400) {
            return (s / 3600) + "h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + "m");
        }
        return (s / 86400) + "d" + (s % 86400 / 3600 == 0 ? "" : " " + (s % 86400 / 3600) + "h");
    }
}

package dev.granary.units;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as operators write them: "1GiB", "512 MiB", "64KiB", "1.5TiB", "1000000", "10GB". */
public final class ByteSize {

    private static final Pattern FORMAT = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*$");
    private static final String[] BINARY_UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSize() {}

    public static long parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (examples: 1GiB, 512MiB, 1000000)");
        }
        double number = Double.parseDouble(m.group(1));
        long multiplier = multiplier(m.group(2), text);
        double bytes = number * multiplier;
        if (bytes > Long.MAX_VALUE || bytes != Math.floor(bytes)) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes that fits in 63 bits");
        }
        return (long) bytes;
    }

    private static long multiplier(String unit, String text) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1L;
            case "kib", "k" -> 1L << 10;
            case "mib", "m" -> 1L << 20;
            case "gib", "g" -> 1L << 30;
            case "tib", "t" -> 1L << 40;
            case "pib", "p" -> 1L << 50;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "tb" -> 1_000_000_000_000L;
            default -> throw new IllegalArgumentException("'" + text + "': unknown unit '" + unit
                + "' (use B, KiB, MiB, GiB, TiB, PiB, or KB, MB, GB, TB)");
        };
    }

    /** Largest binary unit that keeps at least 1, with up to two decimals: 1536 -> "1.5 KiB". */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = String.format(Locale.ROOT, "%.2f", value).replaceAll("\\.?0+$", "");
        return number + " " + BINARY_UNITS[unit];
    }
}

package dev.granary.ui.svg;

import static dev.granary.ui.svg.SvgText.escape;

import dev.granary.units.ByteSize;
import java.util.Locale;

/**
 * A storage path's capacity as one horizontal bar drawn on the server, like {@link UsageBar} but in
 * parts, left to right: sector files (blue; red when the path is unhealthy, since nothing new goes
 * there), other data on the same file system (dark grey), space reserved for tasks that have not
 * written yet (amber), and free (light grey). Each part has a {@code <title>} with its size (tooltip,
 * screen readers); the bar as a whole the one-line {@link #summary}.
 */
public final class CapacityBar {

    /** The parts in bytes; {@code capacity} is what the path may hold (MaxStorage, else the file system). */
    public record Parts(long capacity, long sectors, long other, long reserved, long free) {

        /**
         * From what the storage index reports: used by sector files, reserved, and available (after
         * reservations). Whatever of the capacity is none of those is other data on the disk.
         */
        public static Parts of(long capacity, long used, long reserved, long available) {
            long c = Math.max(0, capacity);
            long u = Math.max(0, used);
            long r = Math.max(0, reserved);
            long a = Math.max(0, available);
            return new Parts(c, u, Math.max(0, c - u - r - a), r, a);
        }
    }

    static final int WIDTH = 320;
    static final int HEIGHT = 18;
    static final String SECTORS_COLOR = "#2a7de1";
    static final String UNHEALTHY_COLOR = "#d62d20";
    static final String OTHER_COLOR = "#9aa5b1";
    static final String RESERVED_COLOR = "#e0a020";
    static final String FREE_COLOR = "#e4e8ee";

    private CapacityBar() {}

    public static String svg(Parts parts, boolean healthy) {
        StringBuilder out = new StringBuilder(900);
        out.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"granary-capacity-bar\" role=\"img\" width=\"100%%\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" preserveAspectRatio=\"none\"><title>%s</title>",
            HEIGHT, WIDTH, HEIGHT, escape(summary(parts))));
        out.append(rect("free", 0, WIDTH, FREE_COLOR, ByteSize.format(parts.free()) + " free"));
        double x = 0;
        x = segment(out, x, parts, parts.sectors(), "sectors", healthy ? SECTORS_COLOR : UNHEALTHY_COLOR,
            ByteSize.format(parts.sectors()) + " in sector files" + (healthy ? "" : " (path unhealthy)"));
        x = segment(out, x, parts, parts.other(), "other", OTHER_COLOR,
            ByteSize.format(parts.other()) + " of other data on the disk");
        segment(out, x, parts, parts.reserved(), "reserved", RESERVED_COLOR,
            ByteSize.format(parts.reserved()) + " reserved for tasks");
        return out.append("</svg>").toString();
    }

    /**
     * "1 GiB in sectors, 256 MiB reserved, 6.8 GiB free of 8 GiB" (no reserved part when nothing is): the
     * bar's title and the text beside it.
     */
    public static String summary(Parts parts) {
        return ByteSize.format(parts.sectors()) + " in sectors, "
            + (parts.reserved() > 0 ? ByteSize.format(parts.reserved()) + " reserved, " : "")
            + ByteSize.format(parts.free()) + " free of " + ByteSize.format(parts.capacity());
    }

    /** Draws one part after {@code x}, never past the end, and returns where the next one starts. */
    private static double segment(StringBuilder out, double x, Parts parts, long bytes, String name, String color,
                                  String title) {
        double share = parts.capacity() <= 0 ? 0 : Math.min(1.0, (double) bytes / parts.capacity());
        double width = Math.min(WIDTH - x, share * WIDTH);
        out.append(rect(name, x, width, color, title));
        return x + width;
    }

    private static String rect(String part, double x, double width, String color, String title) {
        return String.format(Locale.ROOT,
            "<rect data-part=\"%s\" x=\"%.1f\" y=\"0\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
            part, round(x), round(width), HEIGHT, color, escape(title));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

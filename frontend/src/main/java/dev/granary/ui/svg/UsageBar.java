package dev.granary.ui.svg;

import static dev.granary.ui.svg.SvgText.escape;

import java.util.Locale;

/**
 * A horizontal used/free bar drawn as SVG on the server (no client chart library): the filled part is
 * the used share, red when free space is under the warning threshold.
 */
public final class UsageBar {

    private UsageBar() {}

    public static String svg(long used, long total, boolean warn, String label) {
        double share = total <= 0 ? 0 : Math.min(1.0, Math.max(0.0, (double) used / total));
        int width = 320;
        int height = 18;
        double filled = Math.round(share * width * 10) / 10.0;
        String color = warn ? "#d62d20" : "#2a7de1";
        return String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"granary-usage-bar\" role=\"img\" width=\"100%%\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" preserveAspectRatio=\"none\"><title>%s</title>"
                + "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" rx=\"4\" fill=\"#e4e8ee\"/>"
                + "<rect x=\"0\" y=\"0\" width=\"%.1f\" height=\"%d\" rx=\"4\" fill=\"%s\"/></svg>",
            height, width, height, escape(label), width, height, filled, height, color);
    }
}

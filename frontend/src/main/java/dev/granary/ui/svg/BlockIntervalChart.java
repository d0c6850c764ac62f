package dev.granary.ui.svg;

import static dev.granary.ui.svg.SvgText.escape;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A bar per chain height, as tall as the time since the tipset before it, drawn as SVG on the server
 * (no client chart library). Heights without a tipset (null rounds) stay empty, marked by a dashed line
 * on the axis, so a run of null rounds shows as a gap followed by a taller bar. A dashed line marks the
 * block delay, the interval a chain without null rounds keeps. Bars over it are amber.
 *
 * <p>Every bar, gap and line has a {@code <title>} (a tooltip, read by screen readers), and the chart as
 * a whole a title and a one-sentence summary; the tipset table below it is the full text alternative.
 */
public final class BlockIntervalChart {

    /**
     * One tipset of the chart.
     *
     * @param height   its height
     * @param interval the time since the tipset before it, or null when that one is not known (genesis)
     */
    public record Bar(long height, Duration interval) {
        public Bar {
            if (interval != null && interval.isNegative()) {
                throw new IllegalArgumentException("height " + height + " has a negative interval " + interval);
            }
        }
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 180;
    static final int LEFT = 48;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 26;
    /** A few tipsets should still look like bars, not like a wall. */
    static final double MAX_BAR_WIDTH = 28;
    static final String BAR_COLOR = "#2a7de1";
    static final String LATE_COLOR = "#e0a020";
    static final String UNKNOWN_COLOR = "#9aa5b1";

    private final StringBuilder out = new StringBuilder(4096);
    private final List<Bar> bars;
    private final long blockDelayMillis;
    private final long from;
    private final long slots;
    private final double slotWidth;
    private final long tallest;
    private final double maxMillis;

    private BlockIntervalChart(List<Bar> bars, Duration blockDelay) {
        this.bars = bars;
        this.blockDelayMillis = blockDelay.toMillis();
        this.from = bars.getFirst().height();
        this.slots = bars.getLast().height() - from + 1;
        this.slotWidth = (double) (WIDTH - LEFT - RIGHT) / slots;
        long longest = bars.stream().filter(b -> b.interval() != null).mapToLong(b -> b.interval().toMillis()).max().orElse(0);
        this.tallest = Math.max(1, Math.max(longest, blockDelayMillis));
        // Headroom above the tallest bar and the delay line, so neither touches the top edge.
        this.maxMillis = tallest * 1.15;
    }

    /**
     * The chart of {@code bars} (any order; one per height) against {@code blockDelay}.
     *
     * @param id the id of the {@code <svg>} element; its title and description get ids derived from it
     */
    public static String svg(String id, List<Bar> bars, Duration blockDelay) {
        Objects.requireNonNull(blockDelay, "blockDelay");
        if (blockDelay.isNegative() || blockDelay.isZero()) {
            throw new IllegalArgumentException("the block delay must be positive to scale the chart, got " + blockDelay);
        }
        List<Bar> sorted = new ArrayList<>(bars);
        sorted.sort(Comparator.comparingLong(Bar::height));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).height() == sorted.get(i - 1).height()) {
                throw new IllegalArgumentException("height " + sorted.get(i).height() + " appears twice; one bar per height");
            }
        }
        if (sorted.isEmpty()) {
            return empty(id);
        }
        return new BlockIntervalChart(sorted, blockDelay).draw(id);
    }

    private static String empty(String id) {
        return String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" class=\"granary-interval-chart\" role=\"img\""
                + " aria-label=\"Block intervals: no tipsets yet\" width=\"100%%\" viewBox=\"0 0 %d %d\">"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#5f6b7a\" font-size=\"13\">No tipsets yet</text></svg>",
            escape(id), WIDTH, HEIGHT, WIDTH / 2, HEIGHT / 2);
    }

    private String draw(String id) {
        String titleId = id + "-title";
        String descId = id + "-desc";
        out.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"%s\" class=\"granary-interval-chart\" role=\"img\""
                + " aria-labelledby=\"%s %s\" width=\"100%%\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">",
            escape(id), escape(titleId), escape(descId), WIDTH, HEIGHT));
        out.append("<title id=\"").append(escape(titleId)).append("\">Block interval per height</title>");
        out.append("<desc id=\"").append(escape(descId)).append("\">").append(escape(summary())).append("</desc>");
        drawAxes();
        drawBarsAndGaps();
        drawDelayLine();
        return out.append("</svg>").toString();
    }

    /** One sentence for screen readers; the table beside the chart has every value. */
    String summary() {
        long first = from;
        long last = bars.getLast().height();
        long nullRounds = slots - bars.size();
        List<Long> known = bars.stream().filter(b -> b.interval() != null).map(b -> b.interval().toMillis()).toList();
        String intervals = known.isEmpty() ? "no intervals yet"
            : "intervals from " + seconds(known.stream().mapToLong(Long::longValue).min().orElseThrow())
                + " to " + seconds(known.stream().mapToLong(Long::longValue).max().orElseThrow());
        return String.format(Locale.ROOT, "%d tipsets from height %d to %d, %d null round%s, %s; block delay %s.",
            bars.size(), first, last, nullRounds, nullRounds == 1 ? "" : "s", intervals, seconds(blockDelayMillis));
    }

    private void drawAxes() {
        int baseline = HEIGHT - BOTTOM;
        out.append(String.format(Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#5f6b7a\" stroke-width=\"1\"/>",
            LEFT, baseline, WIDTH - RIGHT, baseline));
        yLabel(0, "0 s");
        yLabel(tallest, seconds(tallest));
        long last = bars.getLast().height();
        long step = labelStep(slots);
        for (long h = from; h < last; h += step) {
            if (last - h >= step / 2.0) { // else it would crowd the last height's label
                xLabel(h);
            }
        }
        xLabel(last);
    }

    /** 1, 2, 5, 10, 20, 50 … heights between labels, so that at most about eight fit along the axis. */
    static long labelStep(long slots) {
        long step = 1;
        while (slots / step > 8) {
            step = Long.toString(step).charAt(0) == '2' ? step / 2 * 5 : step * 2;
        }
        return step;
    }

    private void yLabel(double millis, String text) {
        out.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"11\" fill=\"#5f6b7a\">%s</text>",
            LEFT - 6, y(millis), escape(text)));
    }

    private void xLabel(long height) {
        out.append(String.format(Locale.ROOT,
            "<text class=\"height-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5f6b7a\">%d</text>",
            centre(height), HEIGHT - 8, height));
    }

    private void drawBarsAndGaps() {
        Bar previous = null;
        for (Bar bar : bars) {
            if (previous != null && bar.height() > previous.height() + 1) {
                gap(previous.height() + 1, bar.height() - 1);
            }
            bar(bar, previous);
            previous = bar;
        }
    }

    private void bar(Bar bar, Bar previous) {
        double width = Math.min(MAX_BAR_WIDTH, Math.max(1.5, slotWidth * 0.7));
        double x = centre(bar.height()) - width / 2;
        int baseline = HEIGHT - BOTTOM;
        if (bar.interval() == null) {
            // Nothing to measure against: a stub, so the tipset still has its place on the axis.
            out.append(String.format(Locale.ROOT,
                "<rect class=\"tipset-bar no-interval\" data-height=\"%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"3\""
                    + " fill=\"%s\"><title>height %d: no earlier tipset to measure from</title></rect>",
                bar.height(), x, baseline - 3, width, UNKNOWN_COLOR, bar.height()));
            return;
        }
        long millis = bar.interval().toMillis();
        double top = y(millis);
        boolean late = millis > blockDelayMillis;
        String after = previous == null ? "after the tipset before it"
            : "after height " + previous.height() + nullRoundNote(bar.height() - previous.height() - 1);
        out.append(String.format(Locale.ROOT,
            "<rect class=\"tipset-bar%s\" data-height=\"%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                + " fill=\"%s\"><title>height %d: %s %s</title></rect>",
            late ? " late" : "", bar.height(), x, top, width, Math.max(0.5, baseline - top), late ? LATE_COLOR : BAR_COLOR,
            bar.height(), seconds(millis), escape(after)));
    }

    private static String nullRoundNote(long nullRounds) {
        return nullRounds <= 0 ? "" : " (" + nullRounds + " null round" + (nullRounds == 1 ? "" : "s") + " between)";
    }

    /** One mark for a whole run of null rounds, however long, so the drawing stays small. */
    private void gap(long firstHeight, long lastHeight) {
        double x1 = centre(firstHeight) - slotWidth * 0.35;
        double x2 = centre(lastHeight) + slotWidth * 0.35;
        int baseline = HEIGHT - BOTTOM;
        long count = lastHeight - firstHeight + 1;
        String which = count == 1 ? "height " + firstHeight : "heights " + firstHeight + " to " + lastHeight;
        out.append(String.format(Locale.ROOT,
            "<line class=\"null-round\" data-from=\"%d\" data-to=\"%d\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\""
                + " stroke=\"%s\" stroke-width=\"3\" stroke-dasharray=\"3 3\"><title>%s: %s</title></line>",
            firstHeight, lastHeight, x1, baseline - 2, Math.max(x1 + 1, x2), baseline - 2, LATE_COLOR, which,
            count == 1 ? "null round, no block" : count + " null rounds, no blocks"));
    }

    private void drawDelayLine() {
        double y = y(blockDelayMillis);
        out.append(String.format(Locale.ROOT,
            "<line class=\"block-delay\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#5f6b7a\" stroke-width=\"1\""
                + " stroke-dasharray=\"5 4\"><title>block delay: %s</title></line>",
            LEFT, y, WIDTH - RIGHT, y, seconds(blockDelayMillis)));
    }

    private double centre(long height) {
        return LEFT + (height - from + 0.5) * slotWidth;
    }

    private double y(double millis) {
        int plot = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - plot * (millis / maxMillis);
    }

    /** A block time as the chart and the tables write it: "30 s", or "0.25 s" for the sub-second delays of test chains. */
    public static String seconds(Duration duration) {
        return seconds(duration.toMillis());
    }

    static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }
}

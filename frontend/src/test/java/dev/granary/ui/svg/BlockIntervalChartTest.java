package dev.granary.ui.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BlockIntervalChartTest {

    static final Duration DELAY = Duration.ofSeconds(30);

    @Test
    void drawsOneBarPerTipsetAndOneGapMarkPerRunOfNullRounds() {
        String svg = BlockIntervalChart.svg("c", List.of(
            new BlockIntervalChart.Bar(0, null),
            new BlockIntervalChart.Bar(1, Duration.ofSeconds(30)),
            new BlockIntervalChart.Bar(4, Duration.ofSeconds(90)),
            new BlockIntervalChart.Bar(5, Duration.ofSeconds(30)),
            new BlockIntervalChart.Bar(7, Duration.ofSeconds(60))), DELAY);
        assertEquals(5, count(svg, "class=\"tipset-bar"));
        assertEquals(2, count(svg, "class=\"null-round\""));
        assertTrue(svg.contains("data-from=\"2\" data-to=\"3\""), svg);
        assertTrue(svg.contains("<title>heights 2 to 3: 2 null rounds, no blocks</title>"), svg);
        assertTrue(svg.contains("<title>height 6: null round, no block</title>"), svg);
        assertTrue(svg.contains("<title>height 4: 90 s after height 1 (2 null rounds between)</title>"), svg);
        assertTrue(svg.contains("<title>height 0: no earlier tipset to measure from</title>"), svg);
    }

    @Test
    void scalesBarsToTheirIntervalAndMarksLateOnes() {
        String svg = BlockIntervalChart.svg("c", List.of(
            new BlockIntervalChart.Bar(10, Duration.ofSeconds(30)),
            new BlockIntervalChart.Bar(11, Duration.ofSeconds(60))), DELAY);
        double onTime = barHeight(svg, 10);
        double late = barHeight(svg, 11);
        assertEquals(2.0, late / onTime, 0.02, svg);
        assertTrue(svg.contains("class=\"tipset-bar late\" data-height=\"11\""), svg);
        assertTrue(svg.contains("class=\"tipset-bar\" data-height=\"10\""), svg);
        assertTrue(svg.contains(BlockIntervalChart.LATE_COLOR), svg);
    }

    @Test
    void isAnAccessibleImageWithASummary() {
        String svg = BlockIntervalChart.svg("chart", List.of(
            new BlockIntervalChart.Bar(0, null),
            new BlockIntervalChart.Bar(2, Duration.ofMillis(1500))), Duration.ofMillis(750));
        assertTrue(svg.contains("role=\"img\" aria-labelledby=\"chart-title chart-desc\""), svg);
        assertTrue(svg.contains("<title id=\"chart-title\">Block interval per height</title>"), svg);
        assertTrue(svg.contains("<desc id=\"chart-desc\">2 tipsets from height 0 to 2, 1 null round, intervals from 1.5 s"
            + " to 1.5 s; block delay 0.75 s.</desc>"), svg);
    }

    @Test
    void sayThereIsNothingYetWhenEmptyAndRefusesNonsense() {
        assertTrue(BlockIntervalChart.svg("c", List.of(), DELAY).contains("No tipsets yet"));
        assertThrows(IllegalArgumentException.class, () -> BlockIntervalChart.svg("c", List.of(
            new BlockIntervalChart.Bar(1, DELAY), new BlockIntervalChart.Bar(1, DELAY)), DELAY));
        assertThrows(IllegalArgumentException.class, () -> BlockIntervalChart.svg("c", List.of(), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new BlockIntervalChart.Bar(1, Duration.ofSeconds(-1)));
    }

    @Test
    void labelsEnoughHeightsToReadTheAxisWithoutCrowdingIt() {
        assertEquals(1, BlockIntervalChart.labelStep(4));
        assertEquals(5, BlockIntervalChart.labelStep(30));
        assertEquals(20, BlockIntervalChart.labelStep(150));
        assertEquals(500, BlockIntervalChart.labelStep(4000));
        List<BlockIntervalChart.Bar> bars = new ArrayList<>();
        for (long h = 100; h < 130; h++) {
            bars.add(new BlockIntervalChart.Bar(h, DELAY));
        }
        String svg = BlockIntervalChart.svg("c", bars, DELAY);
        assertEquals(List.of("100", "105", "110", "115", "120", "125", "129"), labels(svg));
    }

    @Test
    void writesBlockTimesInSeconds() {
        assertEquals("30 s", BlockIntervalChart.seconds(Duration.ofSeconds(30)));
        assertEquals("1.5 s", BlockIntervalChart.seconds(Duration.ofMillis(1500)));
        assertEquals("0.25 s", BlockIntervalChart.seconds(Duration.ofMillis(250)));
    }

    private static List<String> labels(String svg) {
        Matcher m = Pattern.compile("class=\"height-label\"[^>]*>([0-9]+)</text>").matcher(svg);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static double barHeight(String svg, long height) {
        Matcher m = Pattern.compile("data-height=\"" + height + "\" x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"([0-9.]+)\"")
            .matcher(svg);
        assertTrue(m.find(), "bar " + height + " in " + svg);
        return Double.parseDouble(m.group(1));
    }
}

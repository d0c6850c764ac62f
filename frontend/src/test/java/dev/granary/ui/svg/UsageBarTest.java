package dev.granary.ui.svg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UsageBarTest {

    @Test
    void fillsTheUsedShareAndTurnsRedWhenWarning() {
        String quarter = UsageBar.svg(25, 100, false, "25 B used");
        assertTrue(quarter.contains("width=\"80.0\""), quarter);
        assertTrue(quarter.contains("#2a7de1"), quarter);
        assertTrue(UsageBar.svg(99, 100, true, "x").contains("#d62d20"));
    }

    @Test
    void escapesTheLabelAndClampsOddInput() {
        String svg = UsageBar.svg(5, 0, false, "<b>&\"");
        assertTrue(svg.contains("&lt;b&gt;&amp;&quot;"), svg);
        assertTrue(svg.contains("width=\"0.0\""), svg);
    }
}

package dev.granary.ui.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CapacityBarTest {

    private static final long GIB = 1L << 30;

    @Test
    void whatIsNeitherSectorsReservedNorFreeIsOtherDataOnTheDisk() {
        CapacityBar.Parts parts = CapacityBar.Parts.of(8 * GIB, 2 * GIB, GIB, 3 * GIB);
        assertEquals(new CapacityBar.Parts(8 * GIB, 2 * GIB, 2 * GIB, GIB, 3 * GIB), parts);
        assertEquals("2 GiB in sectors, 1 GiB reserved, 3 GiB free of 8 GiB", CapacityBar.summary(parts));
        assertEquals("2 GiB in sectors, 6 GiB free of 8 GiB", CapacityBar.summary(CapacityBar.Parts.of(8 * GIB, 2 * GIB, 0, 6 * GIB)));
    }

    @Test
    void drawsSectorsOtherAndReservedSideBySideOnTheFreeBackground() {
        String svg = CapacityBar.svg(CapacityBar.Parts.of(8 * GIB, 2 * GIB, GIB, 3 * GIB), true);
        assertEquals("0.0/80.0", geometry(svg, "sectors"));
        assertEquals("80.0/80.0", geometry(svg, "other"));
        assertEquals("160.0/40.0", geometry(svg, "reserved"));
        assertEquals("0.0/320.0", geometry(svg, "free"));
        assertTrue(svg.contains("<title>1 GiB reserved for tasks</title>"), svg);
        assertTrue(svg.contains("<title>2 GiB in sectors, 1 GiB reserved, 3 GiB free of 8 GiB</title>"), svg);
        assertTrue(svg.contains(CapacityBar.SECTORS_COLOR), svg);
    }

    @Test
    void anUnhealthyPathIsRedAndSaysSo() {
        String svg = CapacityBar.svg(CapacityBar.Parts.of(8 * GIB, 2 * GIB, 0, 6 * GIB), false);
        assertTrue(svg.contains(CapacityBar.UNHEALTHY_COLOR), svg);
        assertTrue(svg.contains("2 GiB in sector files (path unhealthy)"), svg);
    }

    @Test
    void neverDrawsPastTheEndOrFromAnUnknownCapacity() {
        String over = CapacityBar.svg(new CapacityBar.Parts(4 * GIB, 3 * GIB, 0, 3 * GIB, 0), true);
        assertEquals("0.0/240.0", geometry(over, "sectors"));
        assertEquals("240.0/80.0", geometry(over, "reserved"));
        String unknown = CapacityBar.svg(CapacityBar.Parts.of(0, 5, 5, 0), true);
        assertEquals("0.0/0.0", geometry(unknown, "sectors"));
        assertEquals("0.0/0.0", geometry(unknown, "reserved"));
    }

    /** "x/width" of a part. */
    private static String geometry(String svg, String part) {
        Matcher m = Pattern.compile("data-part=\"" + part + "\" x=\"([0-9.]+)\" y=\"0\" width=\"([0-9.]+)\"").matcher(svg);
        assertTrue(m.find(), svg);
        return m.group(1) + "/" + m.group(2);
    }
}

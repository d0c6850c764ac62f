package dev.granary.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesSingleAndCombinedParts() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofDays(14), Durations.parse(" 2W "));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    }

    @Test
    void rejectsWhatIsNotADuration() {
        for (String text : new String[] {"", "30", "soon", "1h 30m", "-5s", "1.5h"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text);
            assertTrue(e.getMessage().contains("is not a duration"), e.getMessage());
        }
    }

    @Test
    void anOverlongNumberIsAnErrorThatSaysSoNotAnOverflow() {
        for (String text : new String[] {"99999999999999999999s", "9999999999999999d", "2000000000000000000w",
            "9223372036854775807s9223372036854775807s"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text), text);
            assertEquals(IllegalArgumentException.class, e.getClass(), "not a raw NumberFormatException: " + e);
            assertTrue(e.getMessage().contains("too long a duration"), e.getMessage());
        }
    }
}

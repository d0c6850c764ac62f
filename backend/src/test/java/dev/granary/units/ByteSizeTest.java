package dev.granary.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parsesBinaryAndDecimalUnits() {
        assertEquals(1L << 30, ByteSize.parse("1GiB"));
        assertEquals(512L << 20, ByteSize.parse("512 MiB"));
        assertEquals(1_000_000L, ByteSize.parse("1000000"));
        assertEquals(10_000_000_000L, ByteSize.parse("10GB"));
        assertEquals(3L << 29, ByteSize.parse("1.5GiB"));
    }

    @Test
    void rejectsWhatIsNotASize() {
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("lots"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("5 parsecs"));
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("0.3B"));
    }

    @Test
    void formatsWithTheLargestFittingUnit() {
        assertEquals("512 B", ByteSize.format(512));
        assertEquals("1.5 KiB", ByteSize.format(1536));
        assertEquals("32 GiB", ByteSize.format(32L << 30));
    }
}

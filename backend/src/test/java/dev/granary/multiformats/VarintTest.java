package dev.granary.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class VarintTest {

    @Test
    void encodesKnownValues() {
        assertEquals("00", hex(Varint.encode(0)));
        assertEquals("7f", hex(Varint.encode(127)));
        assertEquals("8001", hex(Varint.encode(128)));
        assertEquals("ff01", hex(Varint.encode(255)));
        assertEquals("ac02", hex(Varint.encode(300)));
        assertEquals("81e203", hex(Varint.encode(0xf101)));
        assertEquals("9220", hex(Varint.encode(0x1012)));
        assertEquals("ffffffffffffffff7f", hex(Varint.encode(Long.MAX_VALUE)));
    }

    @Test
    void roundTripsAtEveryLength() {
        for (int bits = 0; bits < 63; bits++) {
            for (long value : new long[] {(1L << bits) - 1, 1L << bits, (1L << bits) + 1}) {
                byte[] encoded = Varint.encode(value);
                Varint.Decoded decoded = Varint.decode(encoded, 0);
                assertEquals(value, decoded.value());
                assertEquals(encoded.length, decoded.length());
                assertEquals(encoded.length, Varint.encodedLength(value));
            }
        }
    }

    @Test
    void decodesAtAnOffset() {
        byte[] bytes = HexFormat.of().parseHex("ff81e20301");
        assertEquals(new Varint.Decoded(0xf101, 3), Varint.decode(bytes, 1));
    }

    @Test
    void rejectsMalformedInput() {
        assertEquals("varint at byte 0 is truncated",
                assertThrows(FormatException.class, () -> Varint.decode(new byte[] {(byte) 0x80}, 0)).getMessage());
        assertEquals("varint at byte 0 is not minimally encoded",
                assertThrows(FormatException.class, () -> Varint.decode(new byte[] {(byte) 0x81, 0}, 0)).getMessage());
        byte[] tooLong = new byte[10];
        java.util.Arrays.fill(tooLong, (byte) 0x80);
        tooLong[9] = 1;
        assertEquals("varint at byte 0 is longer than 9 bytes",
                assertThrows(FormatException.class, () -> Varint.decode(tooLong, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Varint.encode(-1));
    }

    @Test
    void zeroIsOneByte() {
        assertArrayEquals(new byte[] {0}, Varint.encode(0));
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

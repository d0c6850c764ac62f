package dev.granary.fil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BigIntTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The message vectors' Value, GasFeeCap and GasPremium bytes as their CBOR holds them. */
    @Test
    void messageVectorEncodings() {
        assertEquals("000186a0", HEX.formatHex(BigInt.parse("100000").bytes()));
        assertEquals("0001", HEX.formatHex(BigInt.parse("1").bytes()));
        assertEquals("0064", HEX.formatHex(BigInt.parse("100").bytes()));
        assertEquals("", HEX.formatHex(BigInt.ZERO.bytes()));
        assertEquals("0101", HEX.formatHex(BigInt.of(-1).bytes()));
        assertEquals("0180", HEX.formatHex(BigInt.of(-128).bytes()));
        assertEquals("0080", HEX.formatHex(BigInt.of(128).bytes()));
    }

    @Test
    void randomValuesRoundTrip() {
        Random random = new Random(4_0101);
        for (int i = 0; i < 5_000; i++) {
            BigInteger value = new BigInteger(random.nextInt(BigInt.MAX_BIT_LENGTH + 1), random);
            if (random.nextBoolean()) {
                value = value.negate();
            }
            BigInt big = BigInt.of(value);
            byte[] bytes = big.bytes();
            assertTrue(bytes.length <= BigInt.MAX_SERIALIZED_LENGTH);
            assertEquals(big, BigInt.fromBytes(bytes));
            assertEquals(big, BigInt.fromBytesLenient(bytes));
            assertEquals(big, BigInt.parse(big.toString()));
            assertEquals(value, big.value());
            assertEquals(value.signum(), big.signum());
        }
    }

    @Test
    void strictDecodingRejectsNonMinimalFormsThatLotusAccepts() {
        // go-state-types big.FromBytes and the FVM accept these; re-encoding would change the bytes.
        assertEquals(BigInt.ZERO, BigInt.fromBytesLenient(HEX.parseHex("00")));
        assertEquals(BigInt.ZERO, BigInt.fromBytesLenient(HEX.parseHex("01")));
        assertEquals(BigInt.of(1), BigInt.fromBytesLenient(HEX.parseHex("000001")));
        assertEquals(BigInt.of(-1), BigInt.fromBytesLenient(HEX.parseHex("010001")));
        assertTrue(assertThrows(FilFormatException.class, () -> BigInt.fromBytes(HEX.parseHex("00")))
                .getMessage().contains("no magnitude"));
        assertTrue(assertThrows(FilFormatException.class, () -> BigInt.fromBytes(HEX.parseHex("01")))
                .getMessage().contains("no magnitude"));
        assertTrue(assertThrows(FilFormatException.class, () -> BigInt.fromBytes(HEX.parseHex("000001")))
                .getMessage().contains("leading zero"));
        assertTrue(assertThrows(FilFormatException.class, () -> BigInt.fromBytes(HEX.parseHex("0100")))
                .getMessage().contains("leading zero"));
    }

    @Test
    void rejectsBadSignBytesAndOversizedValues() {
        for (String bad : new String[] {"02", "0201", "ff01", "80"}) {
            FilFormatException e = assertThrows(FilFormatException.class, () -> BigInt.fromBytesLenient(HEX.parseHex(bad)));
            assertTrue(e.getMessage().contains("sign byte"), e.getMessage());
            assertThrows(FilFormatException.class, () -> BigInt.fromBytes(HEX.parseHex(bad)));
        }
        byte[] tooLong = new byte[BigInt.MAX_SERIALIZED_LENGTH + 1];
        tooLong[1] = 1;
        assertTrue(assertThrows(FilFormatException.class, () -> BigInt.fromBytes(tooLong)).getMessage().contains("129"));
        byte[] longest = new byte[BigInt.MAX_SERIALIZED_LENGTH];
        longest[1] = (byte) 0xff;
        assertEquals(BigInt.MAX_BIT_LENGTH, BigInt.fromBytes(longest).value().bitLength());
        assertThrows(FilFormatException.class, () -> BigInt.of(BigInteger.ONE.shiftLeft(BigInt.MAX_BIT_LENGTH)));
        assertEquals(BigInt.MAX_SERIALIZED_LENGTH,
                BigInt.of(BigInteger.ONE.shiftLeft(BigInt.MAX_BIT_LENGTH).subtract(BigInteger.ONE).negate()).bytes().length);
    }

    @Test
    void decimalTextIsStrict() {
        assertEquals(BigInt.of(-12), BigInt.parse("-12"));
        for (String bad : new String[] {"", "-", "+1", "1.0", " 1", "1e3", "0x10", "١"}) {
            assertThrows(FilFormatException.class, () -> BigInt.parse(bad), bad);
        }
        assertThrows(FilFormatException.class, () -> BigInt.parse(null));
        assertThrows(FilFormatException.class, () -> BigInt.parse("9".repeat(307)));
        assertThrows(FilFormatException.class, () -> BigInt.parse("9".repeat(306)));
    }
}

package dev.granary.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.granary.cbor.CborValue.ArrayValue;
import dev.granary.cbor.CborValue.BoolValue;
import dev.granary.cbor.CborValue.FloatValue;
import dev.granary.cbor.CborValue.IntValue;
import dev.granary.cbor.CborValue.MapValue;
import dev.granary.cbor.CborValue.NullValue;

/** RFC 8949 appendix A: the examples that are valid dag-cbor decode and re-encode byte for byte; the rest are refused. */
class Rfc8949ExamplesTest {

    private static final CborOptions FLOATS = CborOptions.DEFAULT.withFloats();

    @Test
    void integers() {
        Object[][] cases = {{"0", "00"}, {"1", "01"}, {"10", "0a"}, {"23", "17"}, {"24", "1818"}, {"25", "1819"},
            {"100", "1864"}, {"1000", "1903e8"}, {"1000000", "1a000f4240"}, {"1000000000000", "1b000000e8d4a51000"},
            {"18446744073709551615", "1bffffffffffffffff"}, {"-18446744073709551616", "3bffffffffffffffff"},
            {"-1", "20"}, {"-10", "29"}, {"-100", "3863"}, {"-1000", "3903e7"}};
        for (Object[] c : cases) {
            assertRoundTrip(new IntValue(new BigInteger((String) c[0])), (String) c[1], CborOptions.DEFAULT);
        }
    }

    @Test
    void doubleFloatsWhenEnabled() {
        Object[][] cases = {{1.1, "fb3ff199999999999a"}, {1.0e300, "fb7e37e43c8800759c"}, {-4.1, "fbc010666666666666"}};
        for (Object[] c : cases) {
            assertRoundTrip(new FloatValue((Double) c[0]), (String) c[1], FLOATS);
        }
        // RFC 8949 writes 0.0 as a half float; dag-cbor has only 64-bit floats.
        assertRoundTrip(new FloatValue(0.0), "fb0000000000000000", FLOATS);
        assertRoundTrip(new FloatValue(-0.0), "fb8000000000000000", FLOATS);
    }

    @Test
    void simpleValuesAndStrings() {
        assertRoundTrip(new BoolValue(false), "f4", CborOptions.DEFAULT);
        assertRoundTrip(new BoolValue(true), "f5", CborOptions.DEFAULT);
        assertRoundTrip(new NullValue(), "f6", CborOptions.DEFAULT);
        assertRoundTrip(CborValue.of(new byte[0]), "40", CborOptions.DEFAULT);
        assertRoundTrip(CborValue.of(new byte[] {1, 2, 3, 4}), "4401020304", CborOptions.DEFAULT);
        String[][] texts = {{"", "60"}, {"a", "6161"}, {"IETF", "6449455446"}, {"\"\\", "62225c"},
            {"\u00fc", "62c3bc"}, {"\u6c34", "63e6b0b4"}, {"\ud800\udd51", "64f0908591"}};
        for (String[] t : texts) {
            assertRoundTrip(CborValue.of(t[0]), t[1], CborOptions.DEFAULT);
        }
    }

    @Test
    void arraysAndMaps() {
        assertRoundTrip(array(), "80", CborOptions.DEFAULT);
        assertRoundTrip(array(1, 2, 3), "83010203", CborOptions.DEFAULT);
        assertRoundTrip(new ArrayValue(List.of(CborValue.of(1), array(2, 3), array(4, 5))), "8301820203820405",
                CborOptions.DEFAULT);
        Object[] oneTo25 = new Object[25];
        for (int i = 0; i < 25; i++) {
            oneTo25[i] = i + 1;
        }
        assertRoundTrip(array(oneTo25), "98190102030405060708090a0b0c0d0e0f101112131415161718181819",
                CborOptions.DEFAULT);
        assertRoundTrip(new MapValue(Map.of()), "a0", CborOptions.DEFAULT);
        assertRoundTrip(new MapValue(Map.of("a", CborValue.of(1), "b", array(2, 3))), "a26161016162820203",
                CborOptions.DEFAULT);
        assertRoundTrip(new ArrayValue(List.of(CborValue.of("a"), new MapValue(Map.of("b", CborValue.of("c"))))),
                "826161a161626163", CborOptions.DEFAULT);
        Map<String, CborValue> letters = new LinkedHashMap<>();
        for (String s : new String[] {"e", "d", "c", "b", "a"}) {
            letters.put(s, CborValue.of(s.toUpperCase()));
        }
        assertRoundTrip(new MapValue(letters), "a56161614161626142616361436164614461656145", CborOptions.DEFAULT);
    }

    @Test
    void examplesThatAreNotDagCborAreRefused() {
        String[][] cases = {
            {"f90000", "16- and 32-bit floats are not allowed"},
            {"fa47c35000", "16- and 32-bit floats are not allowed"},
            {"fb3ff199999999999a", "floats are not allowed here"},
            {"f97c00", "16- and 32-bit floats"},
            {"fb7ff0000000000000", "floats are not allowed here"},
            {"c249010000000000000000", "tag 2 is not allowed"},
            {"c074323031332d30332d32315432303a30343a30305a", "tag 0 is not allowed"},
            {"c11a514b67b0", "tag 1 is not allowed"},
            {"d74401020304", "tag 23 is not allowed"},
            {"d818456449455446", "tag 24 is not allowed"},
            {"d82076687474703a2f2f7777772e6578616d706c652e636f6d", "tag 32 is not allowed"},
            {"f7", "undefined is not allowed"},
            {"f0", "simple values other than false, true and null"},
            {"f8ff", "simple values other than false, true and null"},
            {"a201020304", "map key must be a text string, found an unsigned integer"},
            {"5f42010243030405ff", "indefinite-length items are not allowed"},
            {"7f657374726561646d696e67ff", "indefinite-length items are not allowed"},
            {"9fff", "indefinite-length items are not allowed"},
            {"bf61610161629f0203ffff", "indefinite-length items are not allowed"},
            {"826161bf61626163ff", "indefinite-length items are not allowed"},
        };
        for (String[] c : cases) {
            CborException e = assertThrows(CborException.class, () -> CborValue.decode(hex(c[0])), c[0]);
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
        }
        // With floats enabled, infinity is still refused: dag-cbor has no special float values.
        assertTrue(assertThrows(CborException.class, () -> CborValue.decode(hex("fb7ff0000000000000"), FLOATS))
                .getMessage().contains("NaN and infinities are not allowed"));
    }

    private static void assertRoundTrip(CborValue value, String hex, CborOptions options) {
        assertEquals(hex, HexFormat.of().formatHex(value.encode(options)), value.toString());
        CborValue decoded = CborValue.decode(hex(hex), options);
        assertEquals(value, decoded, hex);
        assertEquals(hex, HexFormat.of().formatHex(decoded.encode(options)), hex);
    }

    private static ArrayValue array(Object... items) {
        return new ArrayValue(java.util.Arrays.stream(items).map(i -> (CborValue) CborValue.of((Integer) i)).toList());
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}

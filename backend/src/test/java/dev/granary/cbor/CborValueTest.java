package dev.granary.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.granary.cbor.CborValue.ArrayValue;
import dev.granary.cbor.CborValue.BytesValue;
import dev.granary.cbor.CborValue.FloatValue;
import dev.granary.cbor.CborValue.IntValue;
import dev.granary.cbor.CborValue.MapValue;
import dev.granary.cbor.CborValue.TextValue;

class CborValueTest {

    @Test
    void mapsKeepDagCborKeyOrderHoweverTheyAreBuilt() {
        Map<String, CborValue> hashed = new HashMap<>();
        TreeMap<String, CborValue> alphabetical = new TreeMap<>();
        for (String key : new String[] {"bb", "a", "ab", "b", "\u00e9", "z"}) {
            hashed.put(key, CborValue.of(key.length()));
            alphabetical.put(key, CborValue.of(key.length()));
        }
        MapValue fromHash = new MapValue(hashed);
        MapValue fromTree = new MapValue(alphabetical);
        assertEquals(List.of("a", "b", "z", "ab", "bb", "\u00e9"), List.copyOf(fromHash.entries().keySet()),
                "one-byte keys, then two-byte keys ('\u00e9' is two bytes of UTF-8), each bytewise");
        assertEquals(fromHash, fromTree);
        assertArrayEquals(fromHash.encode(), fromTree.encode());
        alphabetical.put("zz", CborValue.of(0));
        assertEquals(6, fromTree.entries().size(), "the value copied the map");
        assertThrows(UnsupportedOperationException.class, () -> fromTree.entries().put("q", CborValue.of(1)));
    }

    @Test
    void valuesAreImmutableAndCompareByContent() {
        byte[] bytes = {1, 2};
        BytesValue value = new BytesValue(bytes);
        bytes[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, value.bytes());
        value.bytes()[1] = 9;
        assertEquals(new BytesValue(new byte[] {1, 2}), value);
        assertEquals(new BytesValue(new byte[] {1, 2}).hashCode(), value.hashCode());
        assertEquals("h'0102'", value.toString());
        assertNotEquals(new FloatValue(0.0), new FloatValue(-0.0), "they encode differently, so they differ");
        assertEquals(CborType.NEGATIVE_INTEGER, CborValue.of(-1).type());
        assertEquals(CborType.UNSIGNED_INTEGER, CborValue.of(0).type());
    }

    @Test
    void constructorsRefuseWhatDagCborCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> new IntValue(BigInteger.TWO.pow(64)));
        assertThrows(IllegalArgumentException.class, () -> new IntValue(BigInteger.TWO.pow(64).negate().subtract(BigInteger.ONE)));
        assertThrows(IllegalArgumentException.class, () -> new FloatValue(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new TextValue("\udc00"));
        assertThrows(NullPointerException.class, () -> new ArrayValue(java.util.Arrays.asList(CborValue.of(1), null)));
    }

    @Test
    void floatValuesNeedAWriterThatAllowsFloats() {
        FloatValue half = new FloatValue(0.5);
        assertThrows(IllegalArgumentException.class, half::encode);
        assertEquals("fb3fe0000000000000", java.util.HexFormat.of().formatHex(half.encode(CborOptions.DEFAULT.withFloats())));
    }
}

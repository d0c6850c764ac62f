package dev.granary.cbor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.granary.multiformats.Cid;

class CborWriterTest {

    @Test
    void integersTakeTheirShortestFormAtEveryBoundary() {
        assertEquals("17", write(w -> w.writeInt(23)));
        assertEquals("1818", write(w -> w.writeInt(24)));
        assertEquals("18ff", write(w -> w.writeInt(255)));
        assertEquals("190100", write(w -> w.writeInt(256)));
        assertEquals("19ffff", write(w -> w.writeInt(65535)));
        assertEquals("1a00010000", write(w -> w.writeInt(65536)));
        assertEquals("1affffffff", write(w -> w.writeInt(0xffffffffL)));
        assertEquals("1b0000000100000000", write(w -> w.writeInt(0x100000000L)));
        assertEquals("1b7fffffffffffffff", write(w -> w.writeInt(Long.MAX_VALUE)));
        assertEquals("3b7fffffffffffffff", write(w -> w.writeInt(Long.MIN_VALUE)));
        assertEquals("37", write(w -> w.writeInt(-24)));
        assertEquals("3818", write(w -> w.writeInt(-25)));
        assertEquals("1bffffffffffffffff", write(w -> w.writeUnsigned(-1L)));
        assertEquals("3bffffffffffffffff", write(w -> w.writeInteger(BigInteger.TWO.pow(64).negate())));
        assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeInteger(BigInteger.TWO.pow(64)));
    }

    @Test
    void lengthsTakeTheirShortestFormToo() {
        assertEquals("57" + "00".repeat(23), write(w -> w.writeBytes(new byte[23])));
        assertEquals("5818" + "00".repeat(24), write(w -> w.writeBytes(new byte[24])));
        assertEquals("590100", write(w -> w.writeBytes(new byte[256])).substring(0, 6));
        assertEquals("6461626364", write(w -> w.writeText("abcd")));
        assertEquals("420203", write(w -> w.writeBytes(new byte[] {1, 2, 3, 4}, 1, 2)));
    }

    @Test
    void cidsAreTag42OverZeroAndTheCidBytes() {
        Cid cid = Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
        assertEquals("d82a58250001551220a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447",
                write(w -> w.writeCid(cid)));
        Cid v0 = Cid.parse("QmZjTnYw2TFhn9Nn7tjmPSoTBoY7YRkwPzwSrSbabY24Kp");
        assertEquals("d82a5823001220", write(w -> w.writeCid(v0)).substring(0, 14));
    }

    @Test
    void mapKeysMustComeInDagCborOrder() {
        assertEquals("a261620161610202".length(), write(w -> w.writeMapHeader(2).writeText("b").writeInt(1)
                .writeText("aa").writeInt(2)).length(), "length first: 'b' before 'aa'");
        assertEquals("map key 'aa' written after 'ab': dag-cbor orders keys by length, then bytewise",
                assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeMapHeader(2).writeText("ab")
                        .writeInt(1).writeText("aa")).getMessage());
        assertEquals("map key 'b' written after 'aa': dag-cbor orders keys by length, then bytewise",
                assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeMapHeader(2).writeText("aa")
                        .writeInt(1).writeText("b")).getMessage());
        assertEquals("duplicate map key 'a'", assertThrows(IllegalArgumentException.class,
                () -> new CborWriter().writeMapHeader(2).writeText("a").writeInt(1).writeText("a")).getMessage());
        assertEquals("dag-cbor map keys must be text strings",
                assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeMapHeader(1).writeInt(1)).getMessage());
        // Keys of nested maps are ordered independently of the outer map's.
        assertEquals("a2616101626262a2616101616202", write(w -> w.writeMapHeader(2).writeText("a").writeInt(1)
                .writeText("bb").writeMapHeader(2).writeText("a").writeInt(1).writeText("b").writeInt(2)));
    }

    @Test
    void itemCountsAreEnforced() {
        assertEquals("an array or map is still missing items",
                assertThrows(IllegalStateException.class, () -> new CborWriter().writeArrayHeader(2).writeInt(1).toByteArray())
                        .getMessage());
        assertEquals("a dag-cbor document holds one top-level item, and it is complete",
                assertThrows(IllegalStateException.class, () -> new CborWriter().writeInt(1).writeInt(2)).getMessage());
        assertEquals("nothing was written", assertThrows(IllegalStateException.class, () -> new CborWriter().toByteArray())
                .getMessage());
        assertEquals("8180", write(w -> w.writeArrayHeader(1).writeArrayHeader(0)));
    }

    @Test
    void valuesDagCborCannotCarryAreRefused() {
        assertEquals("floats are not enabled for this writer (CborOptions.withFloats)",
                assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeFloat64(1.5)).getMessage());
        CborWriter floats = new CborWriter(CborOptions.DEFAULT.withFloats());
        assertThrows(IllegalArgumentException.class, () -> floats.writeFloat64(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> floats.writeFloat64(Double.NEGATIVE_INFINITY));
        assertEquals("fb3ff8000000000000", HexFormat.of().formatHex(floats.writeFloat64(1.5).toByteArray()));
        assertEquals("text has an unpaired surrogate and no UTF-8 form",
                assertThrows(IllegalArgumentException.class, () -> new CborWriter().writeText("a\ud800b")).getMessage());
    }

    private static String write(Consumer<CborWriter> body) {
        CborWriter w = new CborWriter();
        body.accept(w);
        return HexFormat.of().formatHex(w.toByteArray());
    }
}

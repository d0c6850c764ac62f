package dev.granary.cbor;

import static dev.granary.cbor.Rfc8949ExamplesTest.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

class CborReaderTest {

    @Test
    void integersByRange() {
        assertEquals(Long.MAX_VALUE, new CborReader(hex("1b7fffffffffffffff")).readInt());
        assertEquals(Long.MIN_VALUE, new CborReader(hex("3b7fffffffffffffff")).readInt());
        assertEquals(-1L, new CborReader(hex("1bffffffffffffffff")).readUnsigned(), "uint64 max in a long's bits");
        assertEquals("at byte 0: integer 18446744073709551615 does not fit a signed 64-bit integer",
                assertThrows(CborException.class, () -> new CborReader(hex("1bffffffffffffffff")).readInt()).getMessage());
        assertEquals("at byte 0: integer -9223372036854775809 does not fit a signed 64-bit integer",
                assertThrows(CborException.class, () -> new CborReader(hex("3b8000000000000000")).readInt()).getMessage());
        assertEquals("at byte 0: expected an unsigned integer, found a negative integer",
                assertThrows(CborException.class, () -> new CborReader(hex("20")).readUnsigned()).getMessage());
        assertEquals(BigInteger.TWO.pow(64).negate(), new CborReader(hex("3bffffffffffffffff")).readInteger());
    }

    @Test
    void typedReadsSayWhatTheyFound() {
        assertEquals("at byte 1: expected a byte string, found a text string",
                assertThrows(CborException.class, () -> {
                    CborReader r = new CborReader(hex("8261616162"));
                    r.readArrayHeader();
                    r.readBytes();
                }).getMessage());
        assertEquals("at byte 0: expected a CID (tag 42), found a byte string",
                assertThrows(CborException.class, () -> new CborReader(hex("40")).readCid()).getMessage());
        assertEquals("at byte 0: expected an array, found a map",
                assertThrows(CborException.class, () -> new CborReader(hex("a0")).readArrayHeader()).getMessage());
    }

    @Test
    void nullsAndPeeking() {
        CborReader r = new CborReader(hex("83f6f5f4"));
        assertEquals(CborType.ARRAY, r.peekType());
        assertEquals(3, r.readArrayHeader());
        assertTrue(r.tryReadNull());
        assertFalse(r.tryReadNull());
        assertEquals(CborType.BOOLEAN, r.peekType());
        assertTrue(r.readBoolean());
        assertFalse(r.readBoolean());
        assertEquals(4, r.position());
        r.finish();
    }

    @Test
    void skipChecksAndDropsWholeItems() {
        // [ {"a": [1, h'02'], "bb": null}, "x" ]
        CborReader r = new CborReader(hex("82a2616182014102626262f66178"));
        r.readArrayHeader();
        r.skip();
        assertEquals("x", r.readText());
        r.finish();
        CborReader unsorted = new CborReader(hex("82a2626262f66161820141026178"));
        unsorted.readArrayHeader();
        assertThrows(CborException.class, unsorted::skip, "skipping still checks key order");
    }

    @Test
    void mapKeysAreReadInOrder() {
        CborReader r = new CborReader(hex("a3616101616202626161f6"));
        assertEquals(3, r.readMapHeader());
        assertEquals("a", r.readText());
        assertEquals(1, r.readInt());
        assertEquals("b", r.readText());
        assertEquals(2, r.readInt());
        assertEquals("aa", r.readText());
        r.readNull();
        r.finish();
    }

    @Test
    void finishRefusesTrailingBytesAndUnreadItems() {
        CborReader trailing = new CborReader(hex("0000"));
        trailing.readInt();
        assertEquals("at byte 1: 1 trailing bytes after the top-level item",
                assertThrows(CborException.class, trailing::finish).getMessage());
        CborReader overRead = new CborReader(hex("0000"));
        overRead.readInt();
        assertEquals("at byte 1: 1 trailing bytes after the top-level item",
                assertThrows(CborException.class, overRead::readInt).getMessage());
        CborReader exact = new CborReader(hex("00"));
        exact.readInt();
        assertThrows(IllegalStateException.class, exact::readInt, "a codec reading past its document is a bug");
        CborReader unread = new CborReader(hex("820102"));
        unread.readArrayHeader();
        unread.readInt();
        assertThrows(IllegalStateException.class, unread::finish);
        assertThrows(IllegalStateException.class, () -> new CborReader(hex("00")).finish());
    }

    @Test
    void readsASliceWithOffsetsCountedFromItsStart() {
        byte[] buffer = hex("ffff8201ff");
        CborReader r = new CborReader(buffer, 2, 3, CborOptions.DEFAULT);
        r.readArrayHeader();
        assertEquals(1, r.readInt());
        CborException e = assertThrows(CborException.class, r::readInt);
        assertEquals(2, e.offset());
        assertEquals("unexpected break code; indefinite lengths are not allowed in dag-cbor", e.reason());
    }

    @Test
    void readBytesAsReportsTheParsersErrorAtTheFieldsOffset() {
        CborReader r = new CborReader(hex("82410741ff"));
        r.readArrayHeader();
        assertEquals(7, (int) r.readBytesAs(b -> b[0]));
        CborException e = assertThrows(CborException.class, () -> r.readBytesAs(b -> {
            throw new IllegalArgumentException("0xff is not a protocol");
        }));
        assertEquals("at byte 3: 0xff is not a protocol", e.getMessage());
        assertEquals(IllegalArgumentException.class, e.getCause().getClass());
    }

    @Test
    void listAndNullableCodecs() {
        CborCodec<List<byte[]>> list = CborCodecs.listOf(CborCodecs.BYTES);
        byte[] encoded = list.encode(List.of(new byte[] {1}, new byte[0]));
        assertEquals("82410140", java.util.HexFormat.of().formatHex(encoded));
        List<byte[]> decoded = list.decode(encoded);
        assertArrayEquals(new byte[] {1}, decoded.get(0));
        CborCodec<String> maybe = CborCodecs.nullable(CborCodecs.TEXT);
        assertNull(maybe.decode(maybe.encode(null)));
        assertEquals("x", maybe.decode(maybe.encode("x")));
        assertEquals(List.of(1L, -2L), CborCodecs.listOf(CborCodecs.INT).decode(hex("820121")));
    }
}

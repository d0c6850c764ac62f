package dev.granary.cbor;

import static dev.granary.cbor.Rfc8949ExamplesTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.granary.multiformats.Cid;

class TupleCodecTest {

    record Piece(long size, Cid cid) {
        static final CborCodec<Piece> CODEC = CborCodec.tuple("Piece", 2,
                (p, w) -> w.writeUnsigned(p.size()).writeCid(p.cid()),
                r -> new Piece(r.readUnsigned(), r.readCid()));
    }

    /** A struct holding a list of structs and an optional one, the shapes Filecoin's actor state uses. */
    record Deal(String label, List<Piece> pieces, Piece extra) {
        static final CborCodec<List<Piece>> PIECES = CborCodecs.listOf(Piece.CODEC);
        static final CborCodec<Piece> EXTRA = CborCodecs.nullable(Piece.CODEC);
        static final CborCodec<Deal> CODEC = CborCodec.tuple("Deal", 3,
                (d, w) -> {
                    w.writeText(d.label());
                    PIECES.encode(d.pieces(), w);
                    EXTRA.encode(d.extra(), w);
                },
                r -> new Deal(r.readText(), PIECES.decode(r), EXTRA.decode(r)));
    }

    private static final Cid CID = Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");

    @Test
    void nestedStructsRoundTrip() {
        Deal deal = new Deal("d", List.of(new Piece(2048, CID), new Piece(1L << 40, CID)), null);
        byte[] bytes = Deal.CODEC.encode(deal);
        assertEquals(deal, Deal.CODEC.decode(bytes));
        assertEquals("836164828219", HexFormat.of().formatHex(bytes).substring(0, 12));
        Deal withExtra = new Deal("", List.of(), new Piece(0, CID));
        assertEquals(withExtra, Deal.CODEC.decode(Deal.CODEC.encode(withExtra)));
    }

    @Test
    void inputWithAnotherFieldCountNamesTheStructAndOffset() {
        assertEquals("at byte 0: Piece: expected 2 fields, found 3",
                assertThrows(CborException.class, () -> Piece.CODEC.decode(hex("83000000"))).getMessage());
        assertEquals("at byte 0: Piece: expected an array of 2 fields, found a map",
                assertThrows(CborException.class, () -> Piece.CODEC.decode(hex("a0"))).getMessage());
        // The second piece of the deal's list has one field: the offset points at it.
        String firstPiece = "8200d82a582500" + HexFormat.of().formatHex(CID.bytes());
        byte[] deal = hex("83616482" + firstPiece + "8100" + "f6");
        CborException e = assertThrows(CborException.class, () -> Deal.CODEC.decode(deal));
        assertEquals("at byte " + (4 + firstPiece.length() / 2) + ": Piece: expected 2 fields, found 1", e.getMessage());
    }

    @Test
    void aCodecThatWritesOrReadsTheWrongNumberOfFieldsIsABug() {
        CborCodec<Long> writesTooFew = CborCodec.tuple("TooFew", 2, (v, w) -> w.writeInt(v), CborReader::readInt);
        assertEquals("TooFew codec wrote fewer than its 2 fields",
                assertThrows(IllegalStateException.class, () -> writesTooFew.encode(1L)).getMessage());
        CborCodec<Long> writesTooMany = CborCodec.tuple("TooMany", 1, (v, w) -> w.writeInt(v).writeInt(v), CborReader::readInt);
        CborCodec<List<Long>> list = CborCodecs.listOf(writesTooMany);
        assertEquals("TooMany codec wrote more than its 1 fields",
                assertThrows(IllegalStateException.class, () -> list.encode(List.of(1L, 2L))).getMessage());
        CborCodec<Long> writesListLast = CborCodec.tuple("ListLast", 2,
                (v, w) -> w.writeInt(v).writeArrayHeader(1).writeInt(v), r -> {
                    long v = r.readInt();
                    r.readArrayHeader();
                    r.readInt();
                    return v;
                });
        assertEquals(7L, writesListLast.decode(writesListLast.encode(7L)), "a nested container as the last field is fine");

        CborCodec<Long> readsTooFew = CborCodec.tuple("ReadsTooFew", 2, (v, w) -> w.writeInt(v).writeInt(v), CborReader::readInt);
        assertEquals("ReadsTooFew codec read fewer than its 2 fields",
                assertThrows(IllegalStateException.class, () -> readsTooFew.decode(hex("820101"))).getMessage());
        CborCodec<Long> readsTooMany = CborCodec.tuple("ReadsTooMany", 1, (v, w) -> w.writeInt(v), r -> {
            r.readInt();
            return r.readInt();
        });
        assertEquals("ReadsTooMany codec read more than its 1 fields",
                assertThrows(IllegalStateException.class, () -> CborCodecs.listOf(readsTooMany).decode(hex("8281018102")))
                        .getMessage());
    }
}

package dev.granary.piece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.kernels.commp.PieceSize;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;
import tools.jackson.databind.JsonNode;

class PieceCidTest {

    static final JsonNode VECTORS = PieceVectors.load();

    @Test
    void zeroPieceCidsV1() {
        for (JsonNode v : VECTORS.get("zero_pieces")) {
            byte[] commP = hex(v.get("commp").asString());
            String cid = v.get("cid_v1").asString();
            assertEquals(cid, PieceCid.v1(commP).toString());
            assertArrayEquals(commP, PieceCid.commPFromV1(Cid.parse(cid)));
        }
    }

    @Test
    void payloadPieceCidsV1AndV2() {
        int v2Checked = 0;
        for (JsonNode v : VECTORS.get("payloads")) {
            Cid v1 = Cid.parse(v.get("cid_v1").asString());
            byte[] commP = PieceCid.commPFromV1(v1);
            if (v.has("commp")) {
                assertEquals(v.get("commp").asString(), HexFormat.of().formatHex(commP));
            }
            assertEquals(v.get("cid_v1").asString(), PieceCid.v1(commP).toString());
            if (!v.has("cid_v2")) {
                continue;
            }
            long padded = v.get("padded_size").asLong();
            long payload = PieceVectors.payload(v.get("payload").asString()).length;
            String cidV2 = v.get("cid_v2").asString();
            assertEquals(cidV2, PieceCid.v2(commP, payload, padded).toString());
            PieceCid.V2 parsed = PieceCid.fromV2(Cid.parse(cidV2));
            assertEquals(new PieceCid.V2(commP, payload, padded), parsed);
            assertEquals(PieceSize.unpadded(padded) - payload, parsed.padding());
            assertArrayEquals(commP, PieceCid.commP(Cid.parse(cidV2)));
            v2Checked++;
        }
        assertEquals(3, v2Checked);
    }

    @Test
    void commDFromPieceCids() {
        for (JsonNode v : VECTORS.get("unsealed_sector_commd")) {
            List<CommD.Piece> pieces = new ArrayList<>();
            for (JsonNode p : v.get("pieces")) {
                pieces.add(new CommD.Piece(p.get("padded_size").asLong(), PieceCid.commP(Cid.parse(p.get("cid").asString()))));
            }
            byte[] commD = CommD.compute(Kernels.best(), v.get("sector_size").asLong(), pieces);
            assertEquals(v.get("commd_cid").asString(), PieceCid.v1(commD).toString());
        }
    }

    @Test
    void v2CarriesHeightAndPadding() {
        byte[] commP = new byte[32];
        PieceCid.V2 parsed = PieceCid.fromV2(PieceCid.v2(commP, 0, 1L << 30));
        assertEquals(25, parsed.height());
        assertEquals(PieceSize.unpadded(1L << 30), parsed.padding());
        assertEquals(0, parsed.payloadSize());
    }

    @Test
    void rejectsWrongCodecsAndMultihashes() {
        Cid v2 = Cid.parse("bafkzcibcaabmfldjtozgne6adk7eve2vdxte7vzlivae7nzsbrawobo546zkijq");
        assertEquals("not a piece CID v1: codec is raw (0x55), expected fil-commitment-unsealed (0xf101)",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.commPFromV1(v2)).getMessage());
        Cid v1 = PieceCid.v1(new byte[32]);
        assertEquals("not a piece CID v2: codec is fil-commitment-unsealed (0xf101), expected raw (0x55)",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.fromV2(v1)).getMessage());
        Cid sealed = Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256, new byte[32]));
        assertEquals("not a piece CID v1: multihash is sha2-256 (0x12), expected sha2-256-trunc254-padded (0x1012)",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.commP(sealed)).getMessage());
        Cid rawFile = Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
        assertEquals("not a piece CID v2: multihash is sha2-256 (0x12), expected fr32-sha256-trunc254-padbintree (0x1011)",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.commP(rawFile)).getMessage());
    }

    @Test
    void rejectsInconsistentV2Digests() {
        byte[] tooMuchPadding = concat(new byte[] {(byte) 0x80, 0x01, 2}, new byte[32]);
        assertEquals("not a piece CID v2: padding of 128 bytes exceeds the 127 bytes a height-2 piece holds",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.fromV2(v2Raw(tooMuchPadding))).getMessage());
        byte[] lowHeight = concat(new byte[] {0, 1}, new byte[32]);
        assertEquals("not a piece CID v2: height 1 is outside 2..57",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.fromV2(v2Raw(lowHeight))).getMessage());
        byte[] shortCommP = concat(new byte[] {0, 2}, new byte[31]);
        assertEquals("not a piece CID v2: digest is 33 bytes, expected padding, height and a 32-byte CommP",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.fromV2(v2Raw(shortCommP))).getMessage());
    }

    @Test
    void rejectsImpossibleSizesWhenEncoding() {
        assertEquals("piece CID v2: payload of 128 bytes does not fit a 128-byte piece (at most 127)",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.v2(new byte[32], 128, 128)).getMessage());
        assertEquals("piece CID v2: padded size 100 is not a power of two of at least 128 bytes",
                assertThrows(IllegalArgumentException.class, () -> PieceCid.v2(new byte[32], 10, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PieceCid.v1(new byte[31]));
    }

    private static Cid v2Raw(byte[] digest) {
        return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, digest));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}

package dev.granary.kernels.commp;

import dev.granary.kernels.testing.VectorPayloads;

import static dev.granary.kernels.Vectors.commPOfPieceCidV1;
import static dev.granary.kernels.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.Vectors;
import tools.jackson.databind.JsonNode;

/** Every vector of the piece_commitments section, for both kernels. */
class PieceCommitmentVectorsTest {

    private static final JsonNode VECTORS = Vectors.pieceCommitments();
    /** Zero pieces up to this size are computed from a zero payload; larger ones come from the table. */
    private static final long COMPUTED_ZERO_PIECE_LIMIT = 512L << 20;

    static Stream<Kernels> kernels() {
        return Vectors.bothKernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void zeroPiecesFromZeroPayloads(Kernels kernels) throws Exception {
        int checked = 0;
        for (JsonNode v : VECTORS.get("zero_pieces")) {
            long padded = v.get("padded_size").asLong();
            if (padded > COMPUTED_ZERO_PIECE_LIMIT) {
                continue;
            }
            long payload = PieceSize.unpadded(padded);
            CommP.Result result = new CommP(kernels, 2).compute(new ZeroStream(payload));
            assertEquals(payload, result.payloadSize());
            assertEquals(padded, result.paddedSize());
            assertEquals(v.get("commp").asString(), result.commPHex(), "zero piece of " + padded);
            assertEquals(v.get("commp").asString(), hex(commPOfPieceCidV1(v.get("cid_v1").asString())));
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void everyZeroPieceFromTheTable() {
        for (JsonNode v : VECTORS.get("zero_pieces")) {
            long padded = v.get("padded_size").asLong();
            assertEquals(v.get("commp").asString(), hex(ZeroComm.ofPaddedSize(padded)), "zero piece of " + padded);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void payloads(Kernels kernels) {
        assertEquals(4, VECTORS.get("payloads").size());
        for (JsonNode v : VECTORS.get("payloads")) {
            String description = v.get("payload").asString();
            byte[] payload = payload(description);
            CommP.Result result = new CommP(kernels, 1).compute(payload);
            assertEquals(payload.length, result.payloadSize(), description);
            assertEquals(v.get("padded_size").asLong(), result.paddedSize(), description);
            String expected = hex(commPOfPieceCidV1(v.get("cid_v1").asString()));
            assertEquals(expected, result.commPHex(), description);
            if (v.has("commp")) {
                assertEquals(v.get("commp").asString(), expected, description);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void unsealedSectorCommD(Kernels kernels) {
        for (JsonNode v : VECTORS.get("unsealed_sector_commd")) {
            List<CommD.Piece> pieces = new ArrayList<>();
            for (JsonNode p : v.get("pieces")) {
                pieces.add(new CommD.Piece(p.get("padded_size").asLong(), commPOfPieceCidV1(p.get("cid").asString())));
            }
            long sector = v.get("sector_size").asLong();
            assertEquals(hex(commPOfPieceCidV1(v.get("commd_cid").asString())),
                    hex(CommD.compute(kernels, sector, pieces)), "sector of " + sector);
        }
    }

    static byte[] payload(String description) {
        return VectorPayloads.payload(description);
    }

    /** An InputStream of zeros that does not hold them in memory. */
    private static final class ZeroStream extends java.io.InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}

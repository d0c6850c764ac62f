package dev.granary.proofs;

import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.multiformats.Cid;
import dev.granary.piece.PieceCid;

/**
 * ComputeCommD, as filecoin-ffi's compute_unsealed_sector_cid: the root of the sector's tree_d from
 * its pieces alone, each aligned to its size and the rest of the sector zeros (what AddPiece lays
 * out), without reading the unsealed file.
 */
public final class ComputeCommD {

    private ComputeCommD() {
    }

    /** The 32-byte CommD of a sector of {@code sectorSize} bytes holding {@code pieces} in order. */
    public static byte[] compute(Kernels kernels, long sectorSize, List<PieceInfo> pieces) {
        List<CommD.Piece> commDPieces = new ArrayList<>(pieces.size());
        for (PieceInfo piece : pieces) {
            commDPieces.add(piece.toCommDPiece());
        }
        return CommD.compute(kernels, sectorSize, commDPieces);
    }

    public static byte[] compute(long sectorSize, List<PieceInfo> pieces) {
        return compute(Kernels.best(), sectorSize, pieces);
    }

    /** CommD as its unsealed CID (fil-commitment-unsealed, sha2-256-trunc254-padded), as Lotus puts it on chain. */
    public static Cid cid(long sectorSize, List<PieceInfo> pieces) {
        return PieceCid.v1(compute(sectorSize, pieces));
    }
}

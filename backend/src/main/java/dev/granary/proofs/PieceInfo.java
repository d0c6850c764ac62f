package dev.granary.proofs;

import java.util.Arrays;
import java.util.HexFormat;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.kernels.commp.PieceSize;
import dev.granary.multiformats.Cid;
import dev.granary.piece.PieceCid;

/** A piece in a sector, as filecoin-ffi's PieceInfo: its padded size and its CommP. */
public record PieceInfo(long paddedSize, byte[] commP) {

    public PieceInfo {
        PieceSize.requireValid(paddedSize, "piece");
        if (commP.length != Kernels.NODE_SIZE) {
            throw new IllegalArgumentException("a CommP is " + Kernels.NODE_SIZE + " bytes, got " + commP.length);
        }
        commP = commP.clone();
    }

    /** The piece named by its v1 piece CID (or a v2 one, whose size is then ignored) and padded size. */
    public static PieceInfo of(Cid pieceCid, long paddedSize) {
        return new PieceInfo(paddedSize, PieceCid.commP(pieceCid));
    }

    @Override
    public byte[] commP() {
        return commP.clone();
    }

    /** The payload the piece holds: 127 of every 128 padded bytes. */
    public long unpaddedSize() {
        return PieceSize.unpadded(paddedSize);
    }

    /** Piece CID v1 (fil-commitment-unsealed, sha2-256-trunc254-padded). */
    public Cid cid() {
        return PieceCid.v1(commP);
    }

    CommD.Piece toCommDPiece() {
        return new CommD.Piece(paddedSize, commP);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceInfo p && p.paddedSize == paddedSize && Arrays.equals(p.commP, commP);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(paddedSize) * 31 + Arrays.hashCode(commP);
    }

    @Override
    public String toString() {
        return "PieceInfo[paddedSize=" + paddedSize + ", commP=" + HexFormat.of().formatHex(commP) + "]";
    }
}

package dev.granary.kernels.commp;

import java.util.HexFormat;
import java.util.List;

import dev.granary.kernels.Kernels;

/**
 * CommD, the unsealed-sector commitment: the root of the tree over a sector's pieces laid out in
 * order, following rust-fil-proofs' compute_comm_d. Before a piece is placed, zero pieces of the
 * current top-of-stack size are added until the top is at least as large as the piece (each piece
 * sits at an offset aligned to its size); equal sizes merge; the rest of the sector is zeros.
 */
public final class CommD {

    /** A piece in a sector: its padded size and its CommP. */
    public record Piece(long paddedSize, byte[] commP) {

        public Piece {
            if (commP.length != Kernels.NODE_SIZE) {
                throw new IllegalArgumentException("a CommP is 32 bytes, got " + commP.length);
            }
            commP = commP.clone();
        }

        @Override
        public byte[] commP() {
            return commP.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Piece p && p.paddedSize == paddedSize && java.util.Arrays.equals(p.commP, commP);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(paddedSize) * 31 + java.util.Arrays.hashCode(commP);
        }

        @Override
        public String toString() {
            return "Piece[paddedSize=" + paddedSize + ", commP=" + HexFormat.of().formatHex(commP) + "]";
        }
    }

    private CommD() {
    }

    /** CommD of a sector of {@code sectorSize} bytes holding {@code pieces} in order, hashed with the best kernels. */
    public static byte[] compute(long sectorSize, List<Piece> pieces) {
        return compute(Kernels.best(), sectorSize, pieces);
    }

    public static byte[] compute(Kernels kernels, long sectorSize, List<Piece> pieces) {
        PieceSize.requireValid(sectorSize, "sector");
        long total = 0;
        for (int i = 0; i < pieces.size(); i++) {
            PieceSize.requireValid(pieces.get(i).paddedSize(), "piece " + (i + 1) + " of " + pieces.size());
            total += pieces.get(i).paddedSize();
            if (total > sectorSize) {
                throw new IllegalArgumentException("pieces 1.." + (i + 1) + " take " + total
                        + " bytes, more than the " + sectorSize + "-byte sector");
            }
        }
        int sectorHeight = PieceSize.height(sectorSize);
        RootStack stack = new RootStack(kernels);
        for (Piece piece : pieces) {
            int height = PieceSize.height(piece.paddedSize());
            stack.alignTo(height);
            stack.push(new Subtree(height, piece.commP));
            if (stack.topHeight() > sectorHeight) {
                throw overflow(sectorSize);
            }
        }
        if (stack.isEmpty()) {
            return ZeroComm.ofHeight(sectorHeight);
        }
        try {
            return stack.finish(sectorHeight).root();
        } catch (IllegalStateException e) {
            throw overflow(sectorSize);
        }
    }

    private static IllegalArgumentException overflow(long sectorSize) {
        return new IllegalArgumentException("the pieces with the zero padding that aligns each to its size do not fit "
                + "the " + sectorSize + "-byte sector");
    }
}

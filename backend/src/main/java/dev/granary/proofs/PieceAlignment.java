package dev.granary.proofs;

import java.util.List;

/**
 * Where a piece goes in an unsealed sector, following rust-fil-proofs' get_piece_alignment: each
 * piece starts at a multiple of its own size, so its subtree of the sector's tree_d is exactly its
 * CommP tree; the gap before it is filled with zeros. Sizes here are unpadded bytes (127 per 128).
 *
 * @param leftBytes  zero bytes written before the piece so it starts aligned
 * @param rightBytes bytes after the piece up to the next power-of-two multiple of 127 (0 for valid piece sizes)
 */
public record PieceAlignment(long leftBytes, long rightBytes) {

    /** The smallest piece: 127 unpadded bytes, 128 padded. */
    static final long MINIMUM_PIECE = 127;

    /** The alignment of a piece of {@code pieceBytes} written after {@code writtenBytes} (both unpadded). */
    public static PieceAlignment of(long writtenBytes, long pieceBytes) {
        long needed = MINIMUM_PIECE;
        while (needed < pieceBytes) {
            needed *= 2;
        }
        long encroaching = writtenBytes % needed;
        long left = encroaching > 0 ? needed - encroaching : 0;
        return new PieceAlignment(left, needed - pieceBytes);
    }

    /** Unpadded bytes the pieces take, in order, with the zeros that align each. */
    public static long sumWithAlignment(List<Long> unpaddedPieceSizes) {
        long written = 0;
        for (long piece : unpaddedPieceSizes) {
            written += of(written, piece).total(piece);
        }
        return written;
    }

    /** The piece and its padding on both sides. */
    public long total(long pieceBytes) {
        return leftBytes + pieceBytes + rightBytes;
    }
}

package dev.granary.proofs.tree;

/**
 * The levels of a binary tree over a power-of-two number of 32-byte leaves (level 0) up to the
 * root (level {@link #height()}), and where each level sits in a tree file that stores the levels
 * from some first level upwards, lowest first: the rust-fil-proofs DiskStore and LevelCacheStore
 * layout (no header, levels back to back).
 */
public record TreeShape(long leaves) {

    /** Largest number of rows the finalized tree_r_last drops; see {@link #defaultRowsToDiscard()}. */
    public static final int MAX_ROWS_TO_DISCARD = 5;

    public TreeShape {
        if (leaves < 2 || Long.bitCount(leaves) != 1) {
            throw new IllegalArgumentException("a tree needs a power of two of at least 2 leaves, got " + leaves);
        }
    }

    public static TreeShape ofSectorSize(long sectorSize) {
        if (sectorSize % NodeFiles.NODE_SIZE != 0) {
            throw new IllegalArgumentException("sector size " + sectorSize + " is not a multiple of 32 bytes");
        }
        return new TreeShape(sectorSize / NodeFiles.NODE_SIZE);
    }

    public int height() {
        return Long.numberOfTrailingZeros(leaves);
    }

    public long nodesAt(int level) {
        requireLevel(level);
        return leaves >>> level;
    }

    /** Byte offset of {@code level} in a file whose lowest stored level is {@code firstStored}. */
    public long levelOffset(int firstStored, int level) {
        requireLevel(firstStored);
        if (level < firstStored) {
            throw new IllegalArgumentException("level " + level + " is below the first stored level " + firstStored);
        }
        // Levels firstStored..level-1 hold 2*n(first) - 2*n(level) nodes (a geometric series).
        return (2 * nodesAt(firstStored) - 2 * nodesAt(level)) * NodeFiles.NODE_SIZE;
    }

    /** Size of a tree file holding levels {@code firstStored} up to the root. */
    public long storedBytes(int firstStored) {
        requireLevel(firstStored);
        return (2 * nodesAt(firstStored) - 1) * NodeFiles.NODE_SIZE;
    }

    /** The first stored level whose file has exactly this size, or -1 when no layout matches. */
    public int firstStoredForSize(long fileSize) {
        for (int level = 0; level <= height(); level++) {
            if (storedBytes(level) == fileSize) {
                return level;
            }
        }
        return -1;
    }

    /**
     * Rows above the leaves that a finalized tree_r_last drops (rust-fil-proofs' rows_to_discard):
     * up to {@value #MAX_ROWS_TO_DISCARD}, always keeping the root and the row under it. The kept
     * file is then about 1/32 of the sector (under the 1/8 the design allows) and one proof
     * rebuilds its lowest rows from 2^(rows+1) leaves of the sealed file (2 KiB).
     */
    public int defaultRowsToDiscard() {
        return Math.max(0, Math.min(MAX_ROWS_TO_DISCARD, height() - 2));
    }

    private void requireLevel(int level) {
        if (level < 0 || level > height()) {
            throw new IllegalArgumentException("level " + level + " is outside 0.." + height());
        }
    }
}

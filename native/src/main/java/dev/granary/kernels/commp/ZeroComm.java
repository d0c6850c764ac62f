package dev.granary.kernels.commp;

import dev.granary.kernels.Kernels;

/**
 * Roots of all-zero subtrees by height (height 0 is a 32-byte zero leaf; height 2 is a 128-byte
 * piece, height 30 a 32 GiB one). Zero bytes pad to zero field elements, so these are also the
 * commitments of zero payloads and the filler that pads trees up to a power of two.
 */
public final class ZeroComm {

    /** Highest height in the table: padded size 2^62 bytes, far past any sector. */
    public static final int MAX_HEIGHT = 57;

    private static final byte[][] ROOTS = build();

    private ZeroComm() {
    }

    private static byte[][] build() {
        byte[][] roots = new byte[MAX_HEIGHT + 1][];
        roots[0] = new byte[Kernels.NODE_SIZE];
        for (int h = 1; h <= MAX_HEIGHT; h++) {
            roots[h] = Kernels.java().hashPair(roots[h - 1], roots[h - 1]);
        }
        return roots;
    }

    /** Root of an all-zero subtree of the given height. */
    public static byte[] ofHeight(int height) {
        if (height < 0 || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("zero-subtree height " + height + " is outside 0.." + MAX_HEIGHT);
        }
        return ROOTS[height].clone();
    }

    /** Commitment of a zero piece of {@code paddedSize} bytes (a power of two of at least 32). */
    public static byte[] ofPaddedSize(long paddedSize) {
        return ofHeight(PieceSize.height(paddedSize));
    }
}

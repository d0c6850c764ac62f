package dev.granary.kernels.commp;

/**
 * Piece size arithmetic. A piece's padded size is a power of two of at least 128 bytes; it holds
 * 127/128 of that in payload (Fr32). Tree height is log2(padded size / 32).
 */
public final class PieceSize {

    public static final long MIN_PADDED = 128;
    /** The largest sector, and so the largest piece: 64 GiB. */
    public static final long MAX_PADDED = 64L << 30;
    /** The most payload a 64 GiB piece holds. */
    public static final long MAX_PAYLOAD = unpadded(MAX_PADDED);

    private PieceSize() {
    }

    /** The padded size of the smallest piece holding {@code payloadSize} bytes (an empty payload takes 128). */
    public static long paddedFor(long payloadSize) {
        if (payloadSize < 0 || payloadSize > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payloadSize + " bytes does not fit a piece (at most "
                    + MAX_PAYLOAD + " bytes)");
        }
        long quads = Math.max(1, (payloadSize + 126) / 127);
        long padded = quads * 128;
        return Long.bitCount(padded) == 1 ? padded : Long.highestOneBit(padded) << 1;
    }

    /** Payload capacity of a piece of {@code paddedSize} bytes. */
    public static long unpadded(long paddedSize) {
        return paddedSize / 128 * 127;
    }

    public static boolean isValid(long paddedSize) {
        return paddedSize >= MIN_PADDED && Long.bitCount(paddedSize) == 1;
    }

    /** Throws unless {@code paddedSize} is a power of two of at least 128 bytes; {@code what} names it in the message. */
    public static void requireValid(long paddedSize, String what) {
        if (!isValid(paddedSize)) {
            throw new IllegalArgumentException(what + ": padded size " + paddedSize
                    + " is not a power of two of at least 128 bytes");
        }
    }

    /** Tree height of a subtree of {@code bytes} padded bytes (a power of two of at least 32). */
    public static int height(long bytes) {
        if (bytes < 32 || Long.bitCount(bytes) != 1) {
            throw new IllegalArgumentException(bytes + " bytes is not a power of two of at least 32");
        }
        return Long.numberOfTrailingZeros(bytes) - 5;
    }

    /** Padded bytes under a subtree of the given height. */
    public static long bytesAtHeight(int height) {
        return 32L << height;
    }
}

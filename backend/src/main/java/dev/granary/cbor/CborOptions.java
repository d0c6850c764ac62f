package dev.granary.cbor;

/**
 * What a reader or writer accepts beyond the strict default.
 *
 * @param maxDepth    how deeply arrays and maps may nest (a top-level array is depth 1); bounds the
 *                    reader's work and memory per item, since it never recurses
 * @param allowFloats whether 64-bit floats may appear; dag-cbor permits them, Filecoin never uses them,
 *                    so a float in chain data is refused unless asked for
 */
public record CborOptions(int maxDepth, boolean allowFloats) {

    public static final int DEFAULT_MAX_DEPTH = 64;

    /** Depth 64, no floats. */
    public static final CborOptions DEFAULT = new CborOptions(DEFAULT_MAX_DEPTH, false);

    public CborOptions {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1, got " + maxDepth);
        }
    }

    public CborOptions withMaxDepth(int depth) {
        return new CborOptions(depth, allowFloats);
    }

    public CborOptions withFloats() {
        return new CborOptions(maxDepth, true);
    }
}

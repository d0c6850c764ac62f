package dev.granary.proofs;

import dev.granary.kernels.sdr.GraphVersion;

/**
 * The two seal-proof API versions of filecoin-ffi. They draw different stacked-DRG graphs for the
 * same sector size (see {@link GraphVersion}); everything else in Part A is the same.
 */
public enum ApiVersion {
    V1(GraphVersion.V1_0),
    V1_1(GraphVersion.V1_1);

    private final GraphVersion graphVersion;

    ApiVersion(GraphVersion graphVersion) {
        this.graphVersion = graphVersion;
    }

    public GraphVersion graphVersion() {
        return graphVersion;
    }

    /** "V1" or "V1_1" (also "v1.1", "1.1"), as an operator writes it. */
    public static ApiVersion parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT).replace('.', '_');
        return switch (t) {
            case "V1", "1", "V1_0", "1_0" -> V1;
            case "V1_1", "1_1" -> V1_1;
            default -> throw new IllegalArgumentException("'" + text + "' is not a seal proof version (use V1 or V1_1)");
        };
    }
}

package dev.granary.kernels.sdr;

/**
 * The parents of stacked-DRG nodes as rust-fil-proofs draws them: six base parents by bucket
 * sampling (storage-proofs-core drgraph.rs BucketGraph) then eight expansion parents by the Feistel
 * permutation (storage-proofs-porep stacked/vanilla/graph.rs). Not thread-safe (scratch state).
 */
final class JavaParents {

    private final SdrGraph graph;
    private final int[] seedWords;
    private final Feistel feistel;

    JavaParents(SdrGraph graph) {
        this.graph = graph;
        this.seedWords = ChaCha8.seedWords(graph.drgSeed());
        this.feistel = new Feistel(graph.nodes() * SdrGraph.EXPANSION_DEGREE, graph.feistelKeys());
    }

    /** Writes the 14 parents of {@code node} into {@code out[0..14)}. */
    void parents(long node, int[] out) {
        base(node, out);
        expansion(node, out);
    }

    private void base(long nodeIndex, int[] out) {
        if (nodeIndex < 2) {
            // Node 0 references itself and node 1 only has node 0 before it.
            java.util.Arrays.fill(out, 0, SdrGraph.BASE_DEGREE, 0);
            return;
        }
        int node = (int) nodeIndex;
        ChaCha8 rng = new ChaCha8(seedWords, node);
        long mPrime = SdrGraph.BASE_DEGREE - 1;
        long metaNode = nodeIndex * mPrime;
        long buckets = ceilLog2(metaNode);
        boolean predecessorFirst = graph.version() == GraphVersion.V1_1;
        int first = predecessorFirst ? 1 : 0;
        for (int k = 0; k < mPrime; k++) {
            long bucket = Long.remainderUnsigned(rng.nextLong(), buckets) + 1;
            long largest = Math.min(metaNode, 1L << bucket);
            long smallest = Math.max(2, largest >>> 1);
            long distance = smallest + Long.remainderUnsigned(rng.nextLong(), largest - smallest + 1);
            long mapped = (metaNode - distance) / mPrime;
            out[first + k] = mapped == nodeIndex ? node - 1 : (int) mapped;
        }
        out[predecessorFirst ? 0 : SdrGraph.BASE_DEGREE - 1] = node - 1;
    }

    private void expansion(long node, int[] out) {
        for (int i = 0; i < SdrGraph.EXPANSION_DEGREE; i++) {
            long permuted = feistel.permute(node * SdrGraph.EXPANSION_DEGREE + i);
            long parent = graph.version() == GraphVersion.V1_0
                    ? (permuted & 0xffffffffL) / SdrGraph.EXPANSION_DEGREE
                    : permuted / SdrGraph.EXPANSION_DEGREE;
            out[SdrGraph.BASE_DEGREE + i] = (int) parent;
        }
    }

    /** ceil(log2(x)) for x >= 2, as rust's f64 log2().ceil() gives for integers below 2^53. */
    static long ceilLog2(long x) {
        return 64 - Long.numberOfLeadingZeros(x - 1);
    }
}

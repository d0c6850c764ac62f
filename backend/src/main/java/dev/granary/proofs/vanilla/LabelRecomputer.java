package dev.granary.proofs.vanilla;

import java.util.List;

/**
 * The stacked-DRG graph and label function, as PoRep verification needs them: which nodes a
 * label depends on, and the label recomputed from them. Part A (the SDR graph, parent cache and
 * labels in {@code dev.granary.proofs} / {@code dev.granary.kernels.sdr}) implements it; vanilla
 * proofs only carry and check the parents' columns.
 */
public interface LabelRecomputer {

    /** The parents of {@code node} in the order the label hashes them (base parents, then expansion parents). */
    long[] parents(long node);

    /**
     * The label of {@code node} in {@code layer} (1-based). {@code parentColumns.get(p)} is the
     * column of parent {@code parents(node)[p]}: its labels in layers 1..L, layer l at index l-1.
     * The label function picks what it hashes (base parents from this layer, expansion parents
     * from the layer below).
     */
    byte[] label(byte[] replicaId, int layer, long node, List<List<byte[]>> parentColumns);
}

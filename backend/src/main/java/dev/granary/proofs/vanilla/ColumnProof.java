package dev.granary.proofs.vanilla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.tree.Columns;

/**
 * A node's column of labels (layers 1..L) with the tree_c path of its hash.
 * Serialised: u8 layer count, the labels, then the inclusion proof.
 */
public record ColumnProof(List<byte[]> labels, InclusionProof path) {

    public ColumnProof {
        if (labels.isEmpty() || labels.size() > 255) {
            throw new IllegalArgumentException("a column has 1..255 labels, got " + labels.size());
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] l : labels) {
            if (l.length != InclusionProof.NODE) {
                throw new IllegalArgumentException("a label is 32 bytes, got " + l.length);
            }
            copy.add(l.clone());
        }
        labels = List.copyOf(copy);
    }

    @Override
    public List<byte[]> labels() {
        return labels.stream().map(byte[]::clone).toList();
    }

    public long node() {
        return path.leafIndex();
    }

    /** The labels hash to the path's leaf and the path leads to {@code commC}. */
    public boolean verifies(byte[] commC, long nodes) {
        return Arrays.equals(Columns.hash(Kernels.java(), labels), path.leaf()) && path.verifies(commC, nodes);
    }

    void write(ProofWriter w) {
        w.u8(labels.size());
        labels.forEach(w::bytes);
        path.write(w);
    }

    static ColumnProof read(ProofReader r) {
        int layers = r.u8("column layer count");
        if (layers == 0) {
            throw new MalformedProofException("a column with no labels");
        }
        List<byte[]> labels = new ArrayList<>(layers);
        for (int i = 0; i < layers; i++) {
            labels.add(r.bytes(InclusionProof.NODE, "label of layer " + (i + 1)));
        }
        return new ColumnProof(labels, InclusionProof.read(r));
    }
}

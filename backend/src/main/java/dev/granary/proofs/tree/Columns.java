package dev.granary.proofs.tree;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.ProofFileException;

/**
 * The column of node i: its labels in layers 1..L, read from the layer files. A tree_c leaf is the
 * sha256-trunc254 of the column's L*32 bytes concatenated in layer order (Granary's stand-in for
 * rust-fil-proofs' Poseidon column hash).
 */
public final class Columns {

    private Columns() {
    }

    /** The labels of {@code node} in every layer file, in layer order. */
    public static List<byte[]> read(List<Path> layerFiles, long nodes, long node) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("node " + node + " is outside 0.." + nodes);
        }
        List<byte[]> labels = new ArrayList<>(layerFiles.size());
        for (Path layer : layerFiles) {
            FileChannel channel = NodeFiles.openRead(layer);
            try {
                requireLayerSize(channel, layer, nodes);
                labels.add(NodeFiles.readNode(channel, layer, node * NodeFiles.NODE_SIZE));
            } finally {
                NodeFiles.close(channel, layer);
            }
        }
        return labels;
    }

    /** sha256-trunc254 of the concatenated labels. */
    public static byte[] hash(Kernels kernels, List<byte[]> labels) {
        ByteBuffer column = ByteBuffer.allocateDirect(labels.size() * NodeFiles.NODE_SIZE);
        labels.forEach(column::put);
        byte[] digest = kernels.sha256(column.flip());
        digest[NodeFiles.NODE_SIZE - 1] &= 0x3f;
        return digest;
    }

    static void requireLayerSize(FileChannel channel, Path layer, long nodes) {
        long size = NodeFiles.size(channel, layer);
        long expected = nodes * NodeFiles.NODE_SIZE;
        if (size != expected) {
            throw new ProofFileException(layer, (size < expected ? "truncated" : "wrong size") + ": a layer of "
                    + nodes + " nodes is " + expected + " bytes, the file has " + size);
        }
    }
}

package dev.granary.proofs.vanilla;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.List;

/**
 * A small stand-in for the stacked-DRG graph (parents node-1 and node/2, labels a SHA-256 of the
 * replica id, layer, node and parents' labels) so the proof structure is tested before Part A's
 * graph is wired in. Not the SDR label function.
 */
final class ToyGraph implements LabelRecomputer {

    @Override
    public long[] parents(long node) {
        return node == 0 ? new long[0] : new long[] {node - 1, node / 2};
    }

    @Override
    public byte[] label(byte[] replicaId, int layer, long node, List<List<byte[]>> parentColumns) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(replicaId);
            md.update(ByteBuffer.allocate(12).putInt(layer).putLong(node).array());
            for (List<byte[]> column : parentColumns) {
                md.update(column.get(layer - 1));
                if (layer > 1) {
                    md.update(column.get(layer - 2));
                }
            }
            byte[] label = md.digest();
            label[31] &= 0x3f;
            return label;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All layers, labelled node by node in order (parents always precede the node). */
    byte[][] layers(byte[] replicaId, int layers, int nodes) {
        byte[][][] labels = new byte[nodes][layers][];
        for (int layer = 1; layer <= layers; layer++) {
            for (int node = 0; node < nodes; node++) {
                List<List<byte[]>> columns = new java.util.ArrayList<>();
                for (long p : parents(node)) {
                    columns.add(java.util.Arrays.asList(labels[(int) p]));
                }
                labels[node][layer - 1] = label(replicaId, layer, node, columns);
            }
        }
        byte[][] files = new byte[layers][nodes * 32];
        for (int layer = 0; layer < layers; layer++) {
            for (int node = 0; node < nodes; node++) {
                System.arraycopy(labels[node][layer], 0, files[layer], node * 32, 32);
            }
        }
        return files;
    }
}

package dev.granary.proofs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.proofs.vanilla.InvalidProofException;
import dev.granary.proofs.vanilla.LabelRecomputer;

/**
 * Part A's stacked-DRG graph and label function for PoRep verification, in pure Java so a
 * verifier never depends on the native library. Parents are drawn by the Java parent kernel for
 * the one challenged node (a verifier needs no parent cache); labels follow {@link Labels}:
 * sha256(replica_id || layer u32 BE || node u64 BE || 20 zero bytes || 37 parent labels), top two
 * bits cleared.
 */
public final class SdrLabelRecomputer implements LabelRecomputer {

    private static final int PARENT_LABELS = 37;
    private static final int PREFIX_BYTES = 64;

    private final SdrGraph graph;

    public SdrLabelRecomputer(SdrGraph graph) {
        this.graph = graph;
    }

    public static SdrLabelRecomputer of(RegisteredSealProof proof) {
        return new SdrLabelRecomputer(proof.graph());
    }

    @Override
    public long[] parents(long node) {
        if (node < 0 || node >= graph.nodes()) {
            throw new InvalidProofException("node " + node + " is outside the graph's 0.." + (graph.nodes() - 1));
        }
        ByteBuffer entry = ByteBuffer.allocate(SdrGraph.PARENTS_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        SdrKernels.java().parents(graph, node, 1, entry);
        long[] parents = new long[SdrGraph.DEGREE];
        for (int k = 0; k < parents.length; k++) {
            parents[k] = entry.getInt(4 * k) & 0xffffffffL;
        }
        return parents;
    }

    @Override
    public byte[] label(byte[] replicaId, int layer, long node, List<List<byte[]>> parentColumns) {
        if (replicaId.length != SdrKernels.REPLICA_ID_BYTES || layer < 1) {
            throw new IllegalArgumentException("a 32-byte replica_id and a layer from 1 are required");
        }
        MessageDigest sha = sha256();
        sha.update(prefix(replicaId, layer, node));
        if (node > 0) {
            int degree = layer == 1 ? SdrGraph.BASE_DEGREE : SdrGraph.DEGREE;
            if (parentColumns.size() < degree) {
                throw new InvalidProofException("node " + node + " has " + parentColumns.size()
                        + " parent columns; layer " + layer + " hashes " + degree);
            }
            byte[][] gathered = new byte[degree][];
            for (int k = 0; k < degree; k++) {
                // Base parents come from this layer, expansion parents from the one below.
                int fromLayer = k < SdrGraph.BASE_DEGREE ? layer : layer - 1;
                gathered[k] = parentColumns.get(k).get(fromLayer - 1);
            }
            for (int i = 0; i < PARENT_LABELS; i++) {
                sha.update(gathered[i % degree]);
            }
        }
        byte[] label = sha.digest();
        label[SdrGraph.NODE_SIZE - 1] &= 0x3f;
        return label;
    }

    private static byte[] prefix(byte[] replicaId, int layer, long node) {
        ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES);
        prefix.put(replicaId).putInt(layer).putLong(node);
        return prefix.array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

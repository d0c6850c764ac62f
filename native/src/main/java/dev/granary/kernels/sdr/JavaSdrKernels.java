package dev.granary.kernels.sdr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SDR kernels in plain Java, written straight from rust-fil-proofs' description: one
 * MessageDigest stream per label over replica_id, the 32-byte (layer, node) block and 37 parent
 * labels.
 */
final class JavaSdrKernels extends CheckedSdrKernels {

    static final JavaSdrKernels INSTANCE = new JavaSdrKernels();

    /** Labels hashed after the 64-byte prefix: 37 in every layer. */
    static final int PARENT_LABELS = 37;

    private JavaSdrKernels() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    protected void parentsUnchecked(SdrGraph graph, long firstNode, int count, ByteBuffer out) {
        JavaParents parents = new JavaParents(graph);
        ByteBuffer le = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int[] entry = new int[SdrGraph.DEGREE];
        for (int i = 0; i < count; i++) {
            parents.parents(firstNode + i, entry);
            for (int p : entry) {
                le.putInt(p);
            }
        }
    }

    @Override
    protected void labelLayerUnchecked(byte[] replicaId, int layer, long nodes, ByteBuffer parentCache,
            ByteBuffer previousLayer, ByteBuffer out) {
        MessageDigest sha = sha256();
        ByteBuffer cache = parentCache.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int cacheBase = parentCache.position();
        int outBase = out.position();
        int prevBase = previousLayer == null ? 0 : previousLayer.position();
        byte[] prefix = new byte[64];
        System.arraycopy(replicaId, 0, prefix, 0, REPLICA_ID_BYTES);
        ByteBuffer.wrap(prefix).putInt(32, layer);
        int[] parents = new int[SdrGraph.DEGREE];
        byte[] gathered = new byte[SdrGraph.DEGREE * SdrGraph.NODE_SIZE];
        byte[] parentLabels = new byte[PARENT_LABELS * SdrGraph.NODE_SIZE];
        byte[] label = new byte[SdrGraph.NODE_SIZE];
        for (long node = 0; node < nodes; node++) {
            ByteBuffer.wrap(prefix).putLong(36, node);
            sha.update(prefix);
            if (node > 0) {
                readParents(cache, cacheBase, node, nodes, layer, parents);
                int degree = layer == 1 ? SdrGraph.BASE_DEGREE : SdrGraph.DEGREE;
                for (int k = 0; k < degree; k++) {
                    boolean fromOwnLayer = k < SdrGraph.BASE_DEGREE;
                    ByteBuffer source = fromOwnLayer ? out : previousLayer;
                    int base = fromOwnLayer ? outBase : prevBase;
                    source.get(base + parents[k] * SdrGraph.NODE_SIZE, gathered, k * SdrGraph.NODE_SIZE,
                            SdrGraph.NODE_SIZE);
                }
                repeatToFill(gathered, degree * SdrGraph.NODE_SIZE, parentLabels);
                sha.update(parentLabels);
            }
            finish(sha, label);
            label[SdrGraph.NODE_SIZE - 1] &= 0x3f;
            out.put(outBase + (int) (node * SdrGraph.NODE_SIZE), label);
        }
    }

    /** 37 labels: the gathered ones over and over (six times six plus one, or 14 + 14 + 9). */
    private static void repeatToFill(byte[] gathered, int length, byte[] target) {
        for (int off = 0; off < target.length; off += length) {
            System.arraycopy(gathered, 0, target, off, Math.min(length, target.length - off));
        }
    }

    private static void readParents(ByteBuffer cache, int cacheBase, long node, long nodes, int layer, int[] parents) {
        int at = cacheBase + (int) (node * SdrGraph.PARENTS_BYTES);
        for (int k = 0; k < SdrGraph.DEGREE; k++) {
            long parent = cache.getInt(at + 4 * k) & 0xffffffffL;
            boolean base = k < SdrGraph.BASE_DEGREE;
            boolean used = base || layer > 1;
            if (used && parent >= (base ? node : nodes)) {
                throw new IllegalArgumentException(badParent(node, parent));
            }
            parents[k] = (int) parent;
        }
    }

    private static void finish(MessageDigest sha, byte[] label) {
        try {
            sha.digest(label, 0, label.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer holds a SHA-256 digest", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

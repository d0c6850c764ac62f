package dev.granary.kernels.sdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SDR kernels in plain Java, written straight from rust-fil-proofs' description: one
 * MessageDigest stream per label over replica_id, the 32-byte (layer, node) block and 37 parent
 * labels. Layers and parent caches are addressed through {@link NodeWindows}, so files of any size
 * are labeled through windows of mapped buffers.
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
        NodeWindows previous = previousLayer == null ? null : NodeWindows.of(previousLayer, SdrGraph.NODE_SIZE);
        label(replicaId, layer, nodes, NodeWindows.of(parentCache, SdrGraph.PARENTS_BYTES), previous,
                NodeWindows.of(out, SdrGraph.NODE_SIZE));
    }

    /** Maps the three files in windows of {@code windowNodes} nodes and labels through them. */
    @Override
    protected void labelLayerFilesUnchecked(byte[] replicaId, int layer, long nodes, Path parentCache,
            Path previousLayer, Path out, long windowNodes) {
        try (FileChannel cache = FileChannel.open(parentCache, StandardOpenOption.READ);
                FileChannel previous = previousLayer == null ? null
                        : FileChannel.open(previousLayer, StandardOpenOption.READ);
                FileChannel layerOut = openLayerFile(out)) {
            NodeWindows previousLabels = previous == null ? null
                    : NodeWindows.map(previous, FileChannel.MapMode.READ_ONLY, nodes, windowNodes, SdrGraph.NODE_SIZE);
            label(replicaId, layer, nodes,
                    NodeWindows.map(cache, FileChannel.MapMode.READ_ONLY, nodes, windowNodes, SdrGraph.PARENTS_BYTES),
                    previousLabels,
                    NodeWindows.map(layerOut, FileChannel.MapMode.READ_WRITE, nodes, windowNodes, SdrGraph.NODE_SIZE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot label layer " + layer + " from " + parentCache
                    + (previousLayer == null ? "" : " and " + previousLayer) + " into " + out + " (" + e.getMessage()
                    + "); check the files exist and the directory is writable with room", e);
        }
    }

    private static FileChannel openLayerFile(Path out) throws IOException {
        return FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void label(byte[] replicaId, int layer, long nodes, NodeWindows cache, NodeWindows previousLayer,
            NodeWindows out) {
        MessageDigest sha = sha256();
        byte[] prefix = new byte[64];
        System.arraycopy(replicaId, 0, prefix, 0, REPLICA_ID_BYTES);
        ByteBuffer.wrap(prefix).putInt(32, layer);
        long[] parents = new long[SdrGraph.DEGREE];
        byte[] gathered = new byte[SdrGraph.DEGREE * SdrGraph.NODE_SIZE];
        byte[] parentLabels = new byte[PARENT_LABELS * SdrGraph.NODE_SIZE];
        byte[] label = new byte[SdrGraph.NODE_SIZE];
        for (long node = 0; node < nodes; node++) {
            ByteBuffer.wrap(prefix).putLong(36, node);
            sha.update(prefix);
            if (node > 0) {
                readParents(cache, node, nodes, layer, parents);
                int degree = layer == 1 ? SdrGraph.BASE_DEGREE : SdrGraph.DEGREE;
                for (int k = 0; k < degree; k++) {
                    NodeWindows source = k < SdrGraph.BASE_DEGREE ? out : previousLayer;
                    source.get(parents[k], gathered, k * SdrGraph.NODE_SIZE);
                }
                repeatToFill(gathered, degree * SdrGraph.NODE_SIZE, parentLabels);
                sha.update(parentLabels);
            }
            finish(sha, label);
            label[SdrGraph.NODE_SIZE - 1] &= 0x3f;
            out.put(node, label);
        }
    }

    /** 37 labels: the gathered ones over and over (six times six plus one, or 14 + 14 + 9). */
    private static void repeatToFill(byte[] gathered, int length, byte[] target) {
        for (int off = 0; off < target.length; off += length) {
            System.arraycopy(gathered, 0, target, off, Math.min(length, target.length - off));
        }
    }

    private static void readParents(NodeWindows cache, long node, long nodes, int layer, long[] parents) {
        for (int k = 0; k < SdrGraph.DEGREE; k++) {
            long parent = cache.getInt(node, 4 * k) & 0xffffffffL;
            boolean base = k < SdrGraph.BASE_DEGREE;
            boolean used = base || layer > 1;
            if (used && parent >= (base ? node : nodes)) {
                throw new IllegalArgumentException(badParent(node, parent));
            }
            parents[k] = parent;
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

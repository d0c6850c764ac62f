package dev.granary.kernels.sdr;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The stacked-DRG kernels: parent generation (the content of a parent cache) and the labeling of
 * one SDR layer. Two implementations give identical bytes: {@code native} (C, SHA-NI when the CPU
 * has it) and {@code java}. Buffers are read or written from their position on; positions and
 * limits are never changed. The native kernels need direct buffers (a mapped file is one). Every
 * length is checked before any work, with the same message for both implementations.
 *
 * <p>A parent cache holds, per node, {@link SdrGraph#DEGREE} u32 little-endian parents: six base
 * parents, then eight expansion parents. A layer holds one 32-byte label per node.
 */
public interface SdrKernels {

    /** Bytes of a replica_id. */
    int REPLICA_ID_BYTES = 32;

    /** "native" or "java". */
    String name();

    /**
     * Writes the parents of nodes {@code firstNode .. firstNode + count - 1} of {@code graph} to
     * {@code out}, {@link SdrGraph#PARENTS_BYTES} per node: a chunk of the parent cache, so a
     * large cache can be produced in bounded memory.
     */
    void parents(SdrGraph graph, long firstNode, int count, ByteBuffer out);

    /**
     * Labels layer {@code layer} (1-based) of a graph of {@code nodes} nodes into {@code out}.
     * Layer 1 hashes 37 labels of its own base parents (the six repeated six times, then the first
     * again); later layers hash the six base parents from {@code out} and the eight expansion
     * parents from {@code previousLayer} (14 + 14 + 9 labels). {@code previousLayer} is ignored,
     * and may be null, for layer 1.
     *
     * @throws IllegalArgumentException when a length is wrong or the parent cache names a parent
     *                                  a label may not depend on (a corrupt cache)
     */
    void labelLayer(byte[] replicaId, int layer, long nodes, ByteBuffer parentCache, ByteBuffer previousLayer,
            ByteBuffer out);

    /**
     * Default window of {@link #labelLayerFiles}: 2^20 nodes, 32 MiB of labels and 56 MiB of parent
     * cache, so even a 64 GiB layer is 2048 mappings (Linux allows 65530 per process by default).
     */
    long DEFAULT_WINDOW_NODES = 1 << 20;

    /**
     * Labels layer {@code layer} of a graph of {@code nodes} nodes from the parent cache file and,
     * for layers above 1, the previous layer's file, into the layer file {@code out} (created or
     * truncated; {@code nodes * 32} bytes). Files are mapped, never read into the heap, and node
     * offsets are 64-bit, so every sector size labels in bounded memory: the labels live in the
     * page cache, which the operating system writes back and reclaims. Gives the same bytes as
     * {@link #labelLayer}.
     *
     * @param windowNodes the Java kernels map the files in windows of this many nodes; the native
     *                    ones map each file whole and read the parent cache ahead and start the
     *                    write-back of labels a window at a time
     * @throws IllegalArgumentException     when a length is wrong, a file is too short or the cache
     *                                      is corrupt
     * @throws java.io.UncheckedIOException when a file cannot be opened, mapped or written
     */
    void labelLayerFiles(byte[] replicaId, int layer, long nodes, Path parentCache, Path previousLayer, Path out,
            long windowNodes);

    /** {@link #labelLayerFiles(byte[], int, long, Path, Path, Path, long)} with the default window. */
    default void labelLayerFiles(byte[] replicaId, int layer, long nodes, Path parentCache, Path previousLayer,
            Path out) {
        labelLayerFiles(replicaId, layer, nodes, parentCache, previousLayer, out, DEFAULT_WINDOW_NODES);
    }

    /** The native kernels when they load, else the Java ones; see {@link dev.granary.kernels.Kernels#best}. */
    static SdrKernels best() {
        return dev.granary.kernels.Kernels.best().name().equals("native") ? NativeSdrKernels.load() : java();
    }

    static SdrKernels java() {
        return JavaSdrKernels.INSTANCE;
    }

    /** Throws {@link IllegalStateException} saying why when libgranary cannot load. */
    static SdrKernels nativeKernels() {
        return NativeSdrKernels.load();
    }
}

package dev.granary.proofs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.granary.kernels.sdr.SdrGraph;

/**
 * A verified parent cache file: for every node of {@code graph}, 14 u32 little-endian parents.
 * Labeling hands {@link #file()} to the kernels, which map it with 64-bit offsets (whole in C, in
 * windows in Java), so the operating system pages it in and out instead of the Java heap holding it,
 * whatever the sector size.
 *
 * @param sha256Hex digest of the whole file, checked when it was opened
 */
public record ParentCache(SdrGraph graph, Path file, String sha256Hex) {

    public long nodes() {
        return graph.nodes();
    }

    /**
     * The file mapped read-only as one ByteBuffer, for inspecting caches up to 2 GiB (sectors up to
     * 1 GiB); labeling does not use it.
     */
    public MappedByteBuffer map() {
        long size = graph.parentCacheBytes();
        if (size > Integer.MAX_VALUE) {
            throw new ParentCacheException(file, "is " + size + " bytes; one ByteBuffer maps at most 2 GiB;"
                    + " read larger caches with parentsOf or label through SdrKernels.labelLayerFiles", null);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw new ParentCacheException(file, "cannot map for reading: " + e.getMessage(), e);
        }
    }

    /** The parents of one node, read from the file. */
    public int[] parentsOf(long node) {
        if (node < 0 || node >= graph.nodes()) {
            throw new IllegalArgumentException("node " + node + " is outside 0.." + (graph.nodes() - 1));
        }
        ByteBuffer entry = ByteBuffer.allocate(SdrGraph.PARENTS_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = node * SdrGraph.PARENTS_BYTES;
            while (entry.hasRemaining()) {
                if (channel.read(entry, at + entry.position()) < 0) {
                    throw new ParentCacheException(file, "ends before node " + node, null);
                }
            }
        } catch (IOException e) {
            throw new ParentCacheException(file, "cannot read node " + node + ": " + e.getMessage(), e);
        }
        int[] parents = new int[SdrGraph.DEGREE];
        entry.flip().asIntBuffer().get(parents);
        return parents;
    }
}

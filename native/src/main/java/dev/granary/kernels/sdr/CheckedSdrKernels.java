package dev.granary.kernels.sdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the arguments of every SDR kernel call once, so both implementations refuse alike. */
abstract class CheckedSdrKernels implements SdrKernels {

    /** Labels on 32-bit buffers: a layer and a parent cache must each fit one ByteBuffer. */
    static final long MAX_LABEL_NODES = Integer.MAX_VALUE / SdrGraph.PARENTS_BYTES;

    /** Labels between files: parents are u32 node indices, so up to 2^32 nodes (128 GiB sectors). */
    static final long MAX_FILE_LABEL_NODES = 1L << 32;

    /** A mapped window of parent-cache entries must fit one ByteBuffer. */
    static final long MAX_WINDOW_NODES = Integer.MAX_VALUE / SdrGraph.PARENTS_BYTES;

    /**
     * Windows per file: the Java kernels map three files window by window, and Linux allows 65530
     * mappings per process by default.
     */
    static final long MAX_WINDOWS_PER_FILE = 1 << 14;

    protected abstract void labelLayerFilesUnchecked(byte[] replicaId, int layer, long nodes, Path parentCache,
            Path previousLayer, Path out, long windowNodes);

    protected abstract void parentsUnchecked(SdrGraph graph, long firstNode, int count, ByteBuffer out);

    protected abstract void labelLayerUnchecked(byte[] replicaId, int layer, long nodes, ByteBuffer parentCache,
            ByteBuffer previousLayer, ByteBuffer out);

    /** Hook for implementations that can only use some kinds of buffers. */
    protected void requireUsable(ByteBuffer buffer, String role) {
    }

    @Override
    public final void parents(SdrGraph graph, long firstNode, int count, ByteBuffer out) {
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        if (firstNode < 0 || count < 0 || firstNode + count > graph.nodes()) {
            throw new IllegalArgumentException("nodes " + firstNode + ".." + (firstNode + count - 1)
                    + " are not inside a graph of " + graph.nodes() + " nodes");
        }
        requireSpace(out, (long) count * SdrGraph.PARENTS_BYTES, "parents out");
        parentsUnchecked(graph, firstNode, count, out);
    }

    @Override
    public final void labelLayer(byte[] replicaId, int layer, long nodes, ByteBuffer parentCache,
            ByteBuffer previousLayer, ByteBuffer out) {
        requireLabelArguments(replicaId, layer, nodes, MAX_LABEL_NODES);
        requireSpace(parentCache, nodes * SdrGraph.PARENTS_BYTES, "parent cache");
        requireSpace(out, nodes * SdrGraph.NODE_SIZE, "layer out");
        if (layer > 1) {
            if (previousLayer == null) {
                throw new IllegalArgumentException("layer " + layer + " needs the labels of layer " + (layer - 1));
            }
            requireSpace(previousLayer, nodes * SdrGraph.NODE_SIZE, "previous layer");
        }
        labelLayerUnchecked(replicaId, layer, nodes, parentCache, layer > 1 ? previousLayer : null, out);
    }

    @Override
    public final void labelLayerFiles(byte[] replicaId, int layer, long nodes, Path parentCache, Path previousLayer,
            Path out, long windowNodes) {
        requireLabelArguments(replicaId, layer, nodes, MAX_FILE_LABEL_NODES);
        if (windowNodes < 1 || windowNodes > MAX_WINDOW_NODES) {
            throw new IllegalArgumentException("a labeling window is 1.." + MAX_WINDOW_NODES + " nodes, got "
                    + windowNodes);
        }
        if ((nodes + windowNodes - 1) / windowNodes > MAX_WINDOWS_PER_FILE) {
            throw new IllegalArgumentException(nodes + " nodes in windows of " + windowNodes + " nodes are more than "
                    + MAX_WINDOWS_PER_FILE + " mappings per file; use a larger window");
        }
        if (out == null) {
            throw new IllegalArgumentException("layer out file is required");
        }
        requireFileSpace(parentCache, nodes * SdrGraph.PARENTS_BYTES, "parent cache");
        if (layer > 1) {
            if (previousLayer == null) {
                throw new IllegalArgumentException("layer " + layer + " needs the file of layer " + (layer - 1));
            }
            requireFileSpace(previousLayer, nodes * SdrGraph.NODE_SIZE, "previous layer");
        }
        labelLayerFilesUnchecked(replicaId, layer, nodes, parentCache, layer > 1 ? previousLayer : null, out,
                windowNodes);
    }

    private static void requireLabelArguments(byte[] replicaId, int layer, long nodes, long maxNodes) {
        if (replicaId == null || replicaId.length != REPLICA_ID_BYTES) {
            throw new IllegalArgumentException("a replica_id is " + REPLICA_ID_BYTES + " bytes");
        }
        if (layer < 1) {
            throw new IllegalArgumentException("layers are numbered from 1, got " + layer);
        }
        if (nodes < SdrGraph.MIN_NODES || nodes > maxNodes) {
            throw new IllegalArgumentException("labeling takes " + SdrGraph.MIN_NODES + ".." + maxNodes
                    + " nodes, got " + nodes);
        }
    }

    private static void requireFileSpace(Path file, long bytes, String role) {
        if (file == null) {
            throw new IllegalArgumentException(role + " file is required");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the size of " + role + " " + file + " (" + e + ")", e);
        }
        if (size < bytes) {
            throw new IllegalArgumentException(role + " " + file + " has " + size + " bytes, needs " + bytes);
        }
    }

    private void requireSpace(ByteBuffer buffer, long bytes, String role) {
        if (buffer == null) {
            throw new IllegalArgumentException(role + " buffer is required");
        }
        requireUsable(buffer, role);
        if (buffer.remaining() < bytes) {
            throw new IllegalArgumentException(role + " has " + buffer.remaining() + " bytes, needs " + bytes);
        }
    }

    /** The message both implementations give for a parent a label may not depend on. */
    static String badParent(long node, long parent) {
        return "parent cache is corrupt: node " + node + " names parent " + parent
                + ", which is not an earlier node of its layer or a node of the graph";
    }
}

package dev.granary.kernels.sdr;

import java.nio.ByteBuffer;

/** Checks the arguments of every SDR kernel call once, so both implementations refuse alike. */
abstract class CheckedSdrKernels implements SdrKernels {

    /** Labels on 32-bit buffers: a layer and a parent cache must each fit one ByteBuffer. */
    static final long MAX_LABEL_NODES = Integer.MAX_VALUE / SdrGraph.PARENTS_BYTES;

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
        if (replicaId == null || replicaId.length != REPLICA_ID_BYTES) {
            throw new IllegalArgumentException("a replica_id is " + REPLICA_ID_BYTES + " bytes");
        }
        if (layer < 1) {
            throw new IllegalArgumentException("layers are numbered from 1, got " + layer);
        }
        if (nodes < SdrGraph.MIN_NODES || nodes > MAX_LABEL_NODES) {
            throw new IllegalArgumentException("labeling takes " + SdrGraph.MIN_NODES + ".." + MAX_LABEL_NODES
                    + " nodes, got " + nodes);
        }
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

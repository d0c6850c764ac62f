package dev.granary.proofs.tree;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.Kernels;

/**
 * tree_c leaves computed on the fly from the layer files: each read takes the same node range
 * from every layer, interleaves it into columns and hashes each column (see {@link Columns}).
 */
public final class ColumnLeafSource implements LeafSource {

    private final Kernels kernels;
    private final List<Path> layerFiles;
    private final List<FileChannel> channels = new ArrayList<>();
    private final long nodes;
    // Reused across reads: direct memory is slow to allocate and freed only by the GC.
    private ByteBuffer columnScratch = ByteBuffer.allocateDirect(0);
    private byte[] rangeScratch = new byte[0];

    public ColumnLeafSource(Kernels kernels, List<Path> layerFiles, long nodes) {
        if (layerFiles.isEmpty()) {
            throw new IllegalArgumentException("tree_c needs at least one layer file");
        }
        this.kernels = kernels;
        this.layerFiles = List.copyOf(layerFiles);
        this.nodes = nodes;
        try {
            for (Path layer : this.layerFiles) {
                FileChannel channel = NodeFiles.openRead(layer);
                channels.add(channel);
                Columns.requireLayerSize(channel, layer, nodes);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public long leaves() {
        return nodes;
    }

    @Override
    public void read(long firstLeaf, ByteBuffer into) {
        int count = into.remaining() / NodeFiles.NODE_SIZE;
        int layers = layerFiles.size();
        int columnBytes = layers * NodeFiles.NODE_SIZE;
        if (columnScratch.capacity() < count * columnBytes) {
            columnScratch = ByteBuffer.allocateDirect(count * columnBytes);
            rangeScratch = new byte[count * NodeFiles.NODE_SIZE];
        }
        ByteBuffer columns = columnScratch.clear().limit(count * columnBytes);
        byte[] range = rangeScratch;
        for (int l = 0; l < layers; l++) {
            NodeFiles.readFully(channels.get(l), layerFiles.get(l), firstLeaf * NodeFiles.NODE_SIZE, ByteBuffer.wrap(range, 0, count * NodeFiles.NODE_SIZE));
            for (int i = 0; i < count; i++) {
                columns.put(i * columnBytes + l * NodeFiles.NODE_SIZE, range, i * NodeFiles.NODE_SIZE, NodeFiles.NODE_SIZE);
            }
        }
        kernels.sha256Batch(columns, columnBytes, into);
        int base = into.position();
        for (int i = 0; i < count; i++) {
            int last = base + i * NodeFiles.NODE_SIZE + NodeFiles.NODE_SIZE - 1;
            into.put(last, (byte) (into.get(last) & 0x3f));
        }
    }

    @Override
    public Path file() {
        return layerFiles.get(0).getParent();
    }

    @Override
    public void close() {
        for (int i = 0; i < channels.size(); i++) {
            NodeFiles.close(channels.get(i), layerFiles.get(i));
        }
        channels.clear();
    }
}

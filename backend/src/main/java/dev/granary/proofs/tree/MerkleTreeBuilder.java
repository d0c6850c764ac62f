package dev.granary.proofs.tree;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.ProofFileException;

/**
 * Builds a sha256-trunc254 binary tree into a tree file, storing the levels from a chosen first
 * level up to the root (see {@link TreeShape}). Leaves are read once, in chunks of
 * {@value #CHUNK_LEAVES} leaves whose subtrees are reduced in memory; each chunk's slice of every
 * level is written at its place in the file, and the few chunk roots are reduced at the end. Memory
 * stays at a few MiB whatever the sector size. The file is written under a temporary name and
 * moved into place, so a crash never leaves a half tree under the real name.
 */
public final class MerkleTreeBuilder {

    static final int CHUNK_LEAVES = 1 << 15;

    private final Kernels kernels;

    public MerkleTreeBuilder(Kernels kernels) {
        this.kernels = kernels;
    }

    /** Builds the tree over {@code leaves} into {@code out} (levels firstStored..root) and returns the root. */
    public byte[] build(LeafSource leaves, int firstStored, Path out) {
        TreeShape shape = new TreeShape(leaves.leaves());
        if (firstStored < 0 || firstStored > shape.height()) {
            throw new IllegalArgumentException("first stored level " + firstStored + " is outside 0.." + shape.height());
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        FileChannel channel = NodeFiles.openWrite(tmp);
        byte[] root;
        try {
            root = buildInto(leaves, shape, firstStored, channel, tmp);
            channel.force(false);
        } catch (IOException e) {
            throw new ProofFileException(tmp, "sync failed: " + e.getMessage(), e);
        } finally {
            NodeFiles.close(channel, tmp);
        }
        try {
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProofFileException(out, "cannot move the finished tree into place: " + e.getMessage(), e);
        }
        return root;
    }

    private byte[] buildInto(LeafSource leaves, TreeShape shape, int firstStored, FileChannel channel, Path file) {
        long chunk = Math.min(shape.leaves(), CHUNK_LEAVES);
        int chunkHeight = Long.numberOfTrailingZeros(chunk);
        long chunks = shape.leaves() / chunk;
        ByteBuffer current = ByteBuffer.allocateDirect((int) chunk * NodeFiles.NODE_SIZE);
        ByteBuffer next = ByteBuffer.allocateDirect((int) chunk / 2 * NodeFiles.NODE_SIZE);
        ByteBuffer chunkRoots = ByteBuffer.allocateDirect((int) chunks * NodeFiles.NODE_SIZE);
        for (long c = 0; c < chunks; c++) {
            current.clear();
            leaves.read(c * chunk, current);
            ByteBuffer top = reduce(current, next, 0, chunkHeight, c, shape, firstStored, channel, file);
            chunkRoots.put((int) c * NodeFiles.NODE_SIZE, top, 0, NodeFiles.NODE_SIZE);
        }
        ByteBuffer upperScratch = ByteBuffer.allocateDirect(Math.max(NodeFiles.NODE_SIZE, (int) chunks / 2 * NodeFiles.NODE_SIZE));
        ByteBuffer root = reduce(chunkRoots, upperScratch, chunkHeight, shape.height(), 0, shape, firstStored, channel, file);
        byte[] out = new byte[NodeFiles.NODE_SIZE];
        root.get(0, out);
        return out;
    }

    /**
     * Hashes the nodes in {@code level} (at tree level {@code from}, the {@code block}-th block of
     * that width) up to level {@code to}, writing every stored level's slice; returns the buffer
     * holding the single node of level {@code to}. Both buffers are overwritten.
     */
    private ByteBuffer reduce(ByteBuffer level, ByteBuffer scratch, int from, int to, long block, TreeShape shape,
            int firstStored, FileChannel channel, Path file) {
        ByteBuffer a = level;
        ByteBuffer b = scratch;
        long width = 1L << (to - from);
        writeSlice(a, width, from, block, shape, firstStored, channel, file);
        for (int l = from + 1; l <= to; l++) {
            width /= 2;
            a.clear().limit((int) (2 * width * NodeFiles.NODE_SIZE));
            b.clear();
            kernels.hashNodes(a, b);
            writeSlice(b, width, l, block, shape, firstStored, channel, file);
            ByteBuffer t = a;
            a = b;
            b = t;
        }
        return a.clear();
    }

    private static void writeSlice(ByteBuffer nodes, long count, int level, long block, TreeShape shape,
            int firstStored, FileChannel channel, Path file) {
        if (level < firstStored) {
            return;
        }
        long position = shape.levelOffset(firstStored, level) + block * count * NodeFiles.NODE_SIZE;
        NodeFiles.writeFully(channel, file, position, nodes.duplicate().clear().limit((int) count * NodeFiles.NODE_SIZE));
    }
}

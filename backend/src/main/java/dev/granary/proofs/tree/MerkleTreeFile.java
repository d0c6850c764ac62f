package dev.granary.proofs.tree;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.vanilla.InclusionProof;

/**
 * A tree file written by {@link MerkleTreeBuilder}, opened for proving. Which levels it holds is
 * read from its size; levels below the first stored one (the rows a finalized tree_r_last
 * discards) are rebuilt from the leaf source for each proof, and the rebuilt node is checked
 * against the stored one so a sealed file and cache that disagree are reported, not proven.
 */
public final class MerkleTreeFile implements AutoCloseable {

    private final Kernels kernels;
    private final Path file;
    private final FileChannel channel;
    private final TreeShape shape;
    private final int firstStored;
    private final LeafSource leaves;

    private MerkleTreeFile(Kernels kernels, Path file, TreeShape shape, LeafSource leaves) {
        this.kernels = kernels;
        this.file = file;
        this.shape = shape;
        this.leaves = leaves;
        this.channel = NodeFiles.openRead(file);
        long size = NodeFiles.size(channel, file);
        this.firstStored = shape.firstStoredForSize(size);
        if (firstStored < 0) {
            NodeFiles.close(channel, file);
            throw new ProofFileException(file, "corrupt or truncated: " + size + " bytes match no level layout of a tree"
                    + " over " + shape.leaves() + " leaves (a full tree is " + shape.storedBytes(0) + " bytes)");
        }
        if (firstStored > 0 && leaves == null) {
            NodeFiles.close(channel, file);
            throw new IllegalArgumentException(file + " starts at level " + firstStored + "; proving needs its leaf file");
        }
        if (leaves != null && leaves.leaves() != shape.leaves()) {
            NodeFiles.close(channel, file);
            throw new IllegalArgumentException(leaves.file() + " has " + leaves.leaves() + " leaves, the tree "
                    + shape.leaves());
        }
    }

    /**
     * Opens {@code file} as a tree over {@code shape.leaves()} leaves; {@code leaves} supplies the
     * leaves and is required when the file does not store level 0 (it is not closed here).
     */
    public static MerkleTreeFile open(Kernels kernels, Path file, TreeShape shape, LeafSource leaves) {
        return new MerkleTreeFile(kernels, file, shape, leaves);
    }

    public int firstStoredLevel() {
        return firstStored;
    }

    public TreeShape shape() {
        return shape;
    }

    public byte[] root() {
        return node(shape.height(), 0);
    }

    /** A stored node. */
    public byte[] node(int level, long index) {
        if (level < firstStored || index < 0 || index >= shape.nodesAt(level)) {
            throw new IllegalArgumentException("node " + index + " of level " + level + " is not stored in " + file);
        }
        return NodeFiles.readNode(channel, file, shape.levelOffset(firstStored, level) + index * NodeFiles.NODE_SIZE);
    }

    /** The inclusion proof of {@code leaf}; checked against the stored root before it is returned. */
    public InclusionProof prove(long leaf) {
        if (leaf < 0 || leaf >= shape.leaves()) {
            throw new IllegalArgumentException("leaf " + leaf + " is outside 0.." + shape.leaves() + " of " + file);
        }
        List<byte[]> siblings = new ArrayList<>(shape.height());
        byte[] leafValue = firstStored == 0 ? node(0, leaf) : rebuildLowRows(leaf, siblings);
        for (int l = firstStored; l < shape.height(); l++) {
            siblings.add(node(l, (leaf >>> l) ^ 1));
        }
        InclusionProof proof = new InclusionProof(leaf, leafValue, siblings);
        if (!Arrays.equals(proof.computeRoot(), root())) {
            throw new ProofFileException(file, "corrupt: the path of leaf " + leaf + " does not hash to the stored root");
        }
        return proof;
    }

    /** Hashes the block of 2^firstStored leaves around {@code leaf}, adding its siblings below the stored rows. */
    private byte[] rebuildLowRows(long leaf, List<byte[]> siblings) {
        int blockLeaves = 1 << firstStored;
        long block = leaf >>> firstStored;
        ByteBuffer level = ByteBuffer.allocateDirect(blockLeaves * NodeFiles.NODE_SIZE);
        ByteBuffer parents = ByteBuffer.allocateDirect(blockLeaves / 2 * NodeFiles.NODE_SIZE);
        leaves.read(block * blockLeaves, level);
        int within = (int) (leaf - block * blockLeaves);
        byte[] leafValue = nodeAt(level, within);
        for (int l = 0; l < firstStored; l++) {
            siblings.add(nodeAt(level, (within >>> l) ^ 1));
            level.clear().limit((blockLeaves >>> l) * NodeFiles.NODE_SIZE);
            parents.clear();
            kernels.hashNodes(level, parents);
            ByteBuffer t = level;
            level = parents;
            parents = t;
        }
        byte[] rebuilt = nodeAt(level, 0);
        if (!Arrays.equals(rebuilt, node(firstStored, block))) {
            throw new ProofFileException(leaves.file(), "leaves " + block * blockLeaves + ".." + (block + 1) * blockLeaves
                    + " do not hash to node " + block + " of level " + firstStored + " in " + file
                    + ": the leaf file or the tree cache is corrupt");
        }
        return leafValue;
    }

    private static byte[] nodeAt(ByteBuffer level, int index) {
        byte[] out = new byte[NodeFiles.NODE_SIZE];
        level.get(index * NodeFiles.NODE_SIZE, out);
        return out;
    }

    /**
     * Rewrites {@code file} to keep only the levels above the lowest {@code rowsToDiscard} rows
     * over the leaves (rust-fil-proofs' rows_to_discard: the leaves live in the sealed file, the
     * next rows are rebuilt from it when proving). Written beside and moved into place.
     */
    public static void discardRows(Path file, TreeShape shape, int rowsToDiscard) {
        int keepFrom = rowsToDiscard + 1;
        if (rowsToDiscard < 0 || keepFrom > shape.height()) {
            throw new IllegalArgumentException("cannot discard " + rowsToDiscard + " rows of a tree of height " + shape.height());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        FileChannel in = NodeFiles.openRead(file);
        try {
            long size = NodeFiles.size(in, file);
            int first = shape.firstStoredForSize(size);
            if (first < 0 || first > keepFrom) {
                throw new ProofFileException(file, "cannot discard rows: " + size + " bytes is not a tree over "
                        + shape.leaves() + " leaves that stores level " + keepFrom);
            }
            copyRange(in, file, shape.levelOffset(first, keepFrom), shape.storedBytes(keepFrom), tmp);
        } finally {
            NodeFiles.close(in, file);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ProofFileException(file, "cannot replace with the trimmed tree: " + e.getMessage(), e);
        }
    }

    private static void copyRange(FileChannel in, Path file, long from, long length, Path tmp) {
        FileChannel out = NodeFiles.openWrite(tmp);
        try {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            for (long done = 0; done < length; ) {
                buf.clear().limit((int) Math.min(buf.capacity(), length - done));
                NodeFiles.readFully(in, file, from + done, buf);
                buf.flip();
                NodeFiles.writeFully(out, tmp, done, buf);
                done += buf.limit();
            }
            out.force(false);
        } catch (IOException e) {
            throw new ProofFileException(tmp, "sync failed: " + e.getMessage(), e);
        } finally {
            NodeFiles.close(out, tmp);
        }
    }

    @Override
    public void close() {
        NodeFiles.close(channel, file);
    }
}

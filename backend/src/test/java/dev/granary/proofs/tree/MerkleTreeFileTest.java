package dev.granary.proofs.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.ZeroComm;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.vanilla.InclusionProof;

class MerkleTreeFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {2L << 10, 8L << 20})
    void nativeAndJavaBuildIdenticalTreeFilesWithTheKernelRoot(long size) throws IOException {
        byte[] data = TreeFixtures.fieldNodes(size, size);
        Path leaves = TreeFixtures.write(dir, "data", data);
        long n = size / 32;
        byte[] rootNative;
        byte[] rootJava;
        try (FileLeafSource src = FileLeafSource.whole(leaves, n)) {
            rootNative = new MerkleTreeBuilder(Kernels.nativeKernels()).build(src, 0, dir.resolve("native.dat"));
        }
        try (FileLeafSource src = FileLeafSource.whole(leaves, n)) {
            rootJava = new MerkleTreeBuilder(Kernels.java()).build(src, 0, dir.resolve("java.dat"));
        }
        assertArrayEquals(rootNative, rootJava);
        assertArrayEquals(Kernels.java().merkleRoot(ByteBuffer.wrap(data)), rootJava);
        assertEquals(-1, Files.mismatch(dir.resolve("native.dat"), dir.resolve("java.dat")));
        assertEquals(new TreeShape(n).storedBytes(0), Files.size(dir.resolve("java.dat")));
    }

    @Test
    void treeOverZeroLeavesHasTheZeroCommitmentAtEveryLevel() throws IOException {
        Path leaves = TreeFixtures.write(dir, "zeros", new byte[1 << 16]);
        TreeShape shape = new TreeShape((1 << 16) / 32);
        try (FileLeafSource src = FileLeafSource.whole(leaves, shape.leaves())) {
            assertArrayEquals(ZeroComm.ofHeight(shape.height()),
                    new MerkleTreeBuilder(Kernels.best()).build(src, 0, dir.resolve("t.dat")));
        }
        try (MerkleTreeFile t = MerkleTreeFile.open(Kernels.java(), dir.resolve("t.dat"), shape, null)) {
            for (int level = 0; level <= shape.height(); level++) {
                assertArrayEquals(ZeroComm.ofHeight(level), t.node(level, shape.nodesAt(level) - 1), "level " + level);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {2L << 10, 8L << 20})
    void treeRLastProvesTheSameAfterDiscardingRows(long size) throws IOException {
        Path sealed = TreeFixtures.write(dir, "sealed", TreeFixtures.fieldNodes(size, 7));
        TreeShape shape = TreeShape.ofSectorSize(size);
        Path tree = dir.resolve(CacheFiles.TREE_R_LAST);
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves())) {
            new MerkleTreeBuilder(Kernels.best()).build(src, 1, tree);
        }
        long[] leaves = {0, 1, shape.leaves() / 2 + 3, shape.leaves() - 1};
        InclusionProof[] before = new InclusionProof[leaves.length];
        byte[] root;
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves());
                MerkleTreeFile t = MerkleTreeFile.open(Kernels.best(), tree, shape, src)) {
            root = t.root();
            for (int i = 0; i < leaves.length; i++) {
                before[i] = t.prove(leaves[i]);
            }
        }
        MerkleTreeFile.discardRows(tree, shape, shape.defaultRowsToDiscard());
        assertTrue(Files.size(tree) < size / 8, "kept cache " + Files.size(tree) + " bytes");
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves());
                MerkleTreeFile t = MerkleTreeFile.open(Kernels.java(), tree, shape, src)) {
            assertEquals(shape.defaultRowsToDiscard() + 1, t.firstStoredLevel());
            assertArrayEquals(root, t.root());
            for (int i = 0; i < leaves.length; i++) {
                assertEquals(before[i], t.prove(leaves[i]));
                assertTrue(t.prove(leaves[i]).verifies(root, shape.leaves()));
            }
        }
    }

    @Test
    void corruptTruncatedAndMismatchedFilesAreReportedWithTheFile() throws IOException {
        long size = 8L << 10;
        TreeShape shape = TreeShape.ofSectorSize(size);
        Path sealed = TreeFixtures.write(dir, "sealed", TreeFixtures.fieldNodes(size, 9));
        Path tree = dir.resolve("tree.dat");
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves())) {
            new MerkleTreeBuilder(Kernels.java()).build(src, 1, tree);
        }
        MerkleTreeFile.discardRows(tree, shape, 2);
        // A flipped bit in a kept node on leaf 0's path (its level-4 sibling): the path no longer
        // hashes to the stored root.
        flip(tree, shape.levelOffset(3, 4) + 32 + 5);
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves());
                MerkleTreeFile t = MerkleTreeFile.open(Kernels.java(), tree, shape, src)) {
            ProofFileException e = assertThrows(ProofFileException.class, () -> t.prove(0));
            assertEquals(tree, e.file());
        }
        flip(tree, shape.levelOffset(3, 4) + 32 + 5);
        // A flipped bit in the sealed file: the rebuilt rows disagree with the cache.
        flip(sealed, 40);
        try (FileLeafSource src = FileLeafSource.whole(sealed, shape.leaves());
                MerkleTreeFile t = MerkleTreeFile.open(Kernels.java(), tree, shape, src)) {
            ProofFileException e = assertThrows(ProofFileException.class, () -> t.prove(1));
            assertEquals(sealed, e.file());
        }
        // Truncated files.
        try (RandomAccessFile f = new RandomAccessFile(tree.toFile(), "rw")) {
            f.setLength(f.length() - 32);
        }
        ProofFileException truncatedTree = assertThrows(ProofFileException.class,
                () -> MerkleTreeFile.open(Kernels.java(), tree, shape, null));
        assertEquals(tree, truncatedTree.file());
        try (RandomAccessFile f = new RandomAccessFile(sealed.toFile(), "rw")) {
            f.setLength(size - 1);
        }
        assertEquals(sealed, assertThrows(ProofFileException.class,
                () -> FileLeafSource.whole(sealed, shape.leaves())).file());
        assertThrows(ProofFileException.class, () -> FileLeafSource.whole(dir.resolve("missing"), 4));
    }

    @Test
    void treeCLeavesAreColumnHashesOfTheLayers() throws IOException {
        long nodes = 64;
        Path l1 = TreeFixtures.write(dir, "sc-02-data-layer-1.dat", TreeFixtures.fieldNodes(nodes * 32, 1));
        Path l2 = TreeFixtures.write(dir, "sc-02-data-layer-2.dat", TreeFixtures.fieldNodes(nodes * 32, 2));
        byte[] rootNative;
        try (ColumnLeafSource src = new ColumnLeafSource(Kernels.nativeKernels(), List.of(l1, l2), nodes)) {
            rootNative = new MerkleTreeBuilder(Kernels.nativeKernels()).build(src, 0, dir.resolve("c.dat"));
        }
        try (MerkleTreeFile t = MerkleTreeFile.open(Kernels.java(), dir.resolve("c.dat"), new TreeShape(nodes), null)) {
            assertArrayEquals(rootNative, t.root());
            for (long node : new long[] {0, 17, 63}) {
                assertArrayEquals(Columns.hash(Kernels.java(), Columns.read(List.of(l1, l2), nodes, node)), t.node(0, node));
            }
        }
        TreeFixtures.write(dir, "short", new byte[32]);
        assertThrows(ProofFileException.class,
                () -> new ColumnLeafSource(Kernels.java(), List.of(l1, dir.resolve("short")), nodes));
    }

    static void flip(Path file, long offset) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(offset);
            int b = f.read();
            f.seek(offset);
            f.write(b ^ 1);
        }
    }
}

package dev.granary.storage.remote;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.tree.FileLeafSource;
import dev.granary.proofs.tree.MerkleTreeFile;
import dev.granary.proofs.tree.TreeShape;
import dev.granary.proofs.vanilla.InclusionProof;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * Checks a fetched sealed replica against its cache: tree-r-last's root must be p_aux's comm_r_last, and
 * for a random sample of leaves the leaf read from the sealed file must hash up that tree to the root
 * (what WindowPoSt will later prove). A replica damaged in transit or on the source's disk fails here,
 * before the index records it. A full re-hash is left to proving; the sample catches truncation and
 * most corruption at a fraction of the cost.
 */
public final class SealedReplicaCheck {

    public static final int SAMPLES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedReplicaCheck() {}

    /** Throws IOException naming what did not match; returns the number of leaves checked. */
    public static int verify(Kernels kernels, Path sealed, Path cacheDir) throws IOException {
        long size = Files.size(sealed);
        TreeShape shape;
        try {
            shape = TreeShape.ofSectorSize(size);
        } catch (IllegalArgumentException e) {
            throw new IOException(sealed + " is " + size + " bytes, not a sealed sector size: " + e.getMessage());
        }
        byte[] commRLast;
        try {
            commRLast = PersistentAux.read(cacheDir).commRLast();
        } catch (ProofFileException e) {
            throw new IOException("reading comm_r_last: " + e.getMessage());
        }
        Path tree = CacheFiles.treeRLast(cacheDir);
        try (FileLeafSource leaves = FileLeafSource.whole(sealed, shape.leaves());
             MerkleTreeFile file = MerkleTreeFile.open(kernels, tree, shape, leaves);
             FileChannel replica = FileChannel.open(sealed, StandardOpenOption.READ)) {
            if (!Arrays.equals(file.root(), commRLast)) {
                throw new IOException(tree + " has root " + HexFormat.of().formatHex(file.root())
                    + ", p_aux says comm_r_last is " + HexFormat.of().formatHex(commRLast));
            }
            TreeSet<Long> sample = new TreeSet<>();
            int want = (int) Math.min(SAMPLES, shape.leaves());
            sample.add(0L);
            sample.add(shape.leaves() - 1);
            while (sample.size() < want) {
                sample.add(Math.floorMod(RANDOM.nextLong(), shape.leaves()));
            }
            for (long leaf : sample) {
                InclusionProof proof = file.prove(leaf);
                ByteBuffer node = ByteBuffer.allocate(32);
                replica.read(node, leaf * 32);
                if (!Arrays.equals(node.array(), proof.leaf()) || !proof.verifies(commRLast, shape.leaves())) {
                    throw new IOException("leaf " + leaf + " of " + sealed + " does not hash to comm_r_last");
                }
            }
            return sample.size();
        } catch (ProofFileException e) {
            throw new IOException(e.getMessage());
        }
    }
}

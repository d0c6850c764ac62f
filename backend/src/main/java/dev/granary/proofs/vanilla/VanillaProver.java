package dev.granary.proofs.vanilla;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.tree.Columns;
import dev.granary.proofs.tree.FileLeafSource;
import dev.granary.proofs.tree.MerkleTreeFile;
import dev.granary.proofs.tree.TreeShape;

/**
 * Builds vanilla proofs from a sector's files: the sealed file, the cache directory's tree files
 * and (for PoRep) the Fr32-padded data file and the label layer files. Each tree's root is checked
 * against the commitment the caller holds, so a cache from another sector or a corrupt root is
 * reported before any proof leaves the node.
 */
public final class VanillaProver {

    private final Kernels kernels;

    public VanillaProver(Kernels kernels) {
        this.kernels = kernels;
    }

    /** The PoSt proof of one sector for the given challenged leaves. */
    public VanillaPoStProof provePoSt(long sectorId, byte[] commC, byte[] commRLast, Path sealed, Path cacheDir,
            long sectorSize, long[] challenges) {
        TreeShape shape = TreeShape.ofSectorSize(sectorSize);
        Path treeFile = CacheFiles.treeRLast(cacheDir);
        try (FileLeafSource leaves = FileLeafSource.whole(sealed, shape.leaves());
                MerkleTreeFile tree = MerkleTreeFile.open(kernels, treeFile, shape, leaves)) {
            requireRoot(tree, commRLast, treeFile, "comm_r_last");
            List<InclusionProof> proofs = new ArrayList<>(challenges.length);
            for (long c : challenges) {
                proofs.add(tree.prove(c));
            }
            return new VanillaPoStProof(sectorId, commC, commRLast, proofs);
        }
    }

    /** The sector files one PoRep proof reads. */
    public record SealedSectorFiles(Path unsealedData, Path sealed, List<Path> layerFiles, Path cacheDir) {
    }

    /** The PoRep proof for {@code challenges} (all partitions, in order). */
    public VanillaPoRepProof provePoRep(SealedSectorFiles files, long sectorSize, byte[] commD, byte[] commC,
            byte[] commRLast, long[] challenges, LabelRecomputer graph) {
        TreeShape shape = TreeShape.ofSectorSize(sectorSize);
        Path treeD = CacheFiles.treeD(files.cacheDir());
        Path treeC = CacheFiles.treeC(files.cacheDir());
        Path treeR = CacheFiles.treeRLast(files.cacheDir());
        try (FileLeafSource sealed = FileLeafSource.whole(files.sealed(), shape.leaves());
                MerkleTreeFile d = MerkleTreeFile.open(kernels, treeD, shape, null);
                MerkleTreeFile c = MerkleTreeFile.open(kernels, treeC, shape, null);
                MerkleTreeFile r = MerkleTreeFile.open(kernels, treeR, shape, sealed)) {
            requireRoot(d, commD, treeD, "comm_d");
            requireRoot(c, commC, treeC, "comm_c");
            requireRoot(r, commRLast, treeR, "comm_r_last");
            List<PoRepChallengeProof> proofs = new ArrayList<>(challenges.length);
            for (long challenge : challenges) {
                List<ColumnProof> parents = new ArrayList<>();
                for (long parent : graph.parents(challenge)) {
                    parents.add(column(files, shape, c, parent));
                }
                proofs.add(new PoRepChallengeProof(challenge, d.prove(challenge), r.prove(challenge),
                        column(files, shape, c, challenge), parents));
            }
            return new VanillaPoRepProof(commC, commRLast, proofs);
        }
    }

    private ColumnProof column(SealedSectorFiles files, TreeShape shape, MerkleTreeFile treeC, long node) {
        List<byte[]> labels = Columns.read(files.layerFiles(), shape.leaves(), node);
        InclusionProof path = treeC.prove(node);
        if (!Arrays.equals(Columns.hash(kernels, labels), path.leaf())) {
            throw new ProofFileException(files.cacheDir(), "the layer files' column of node " + node
                    + " does not hash to its tree_c leaf: layers or tree_c are corrupt");
        }
        return new ColumnProof(labels, path);
    }

    private static void requireRoot(MerkleTreeFile tree, byte[] expected, Path file, String name) {
        if (!Arrays.equals(tree.root(), expected)) {
            throw new ProofFileException(file, "root does not match " + name
                    + ": the cache is corrupt or belongs to another sector");
        }
    }
}

package dev.granary.proofs.tree;

import java.nio.file.Path;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.vanilla.VanillaPoStProof;

/**
 * The trees of one sector in its cache directory, built as PreCommit2 builds them and trimmed as
 * FinalizeSector trims them. tree_d and tree_c store every level (rust-fil-proofs' DiskStore);
 * tree_r_last stores levels 1 and up, its leaves being the sealed file.
 */
public final class SectorTrees {

    /** Roots of the three trees and comm_r = sha256-trunc254(comm_c || comm_r_last). */
    public record Commitments(byte[] commD, byte[] commC, byte[] commRLast, byte[] commR) {
    }

    private final MerkleTreeBuilder builder;
    private final Kernels kernels;

    public SectorTrees(Kernels kernels) {
        this.kernels = kernels;
        this.builder = new MerkleTreeBuilder(kernels);
    }

    /** tree_d over the Fr32-padded unsealed data; its root is CommD. */
    public byte[] buildTreeD(Path unsealedData, long sectorSize, Path cacheDir) {
        try (FileLeafSource leaves = FileLeafSource.whole(unsealedData, TreeShape.ofSectorSize(sectorSize).leaves())) {
            return builder.build(leaves, 0, CacheFiles.treeD(cacheDir));
        }
    }

    /** tree_c over the columns of the label layers (layer 1 first); its root is comm_c. */
    public byte[] buildTreeC(List<Path> layerFiles, long sectorSize, Path cacheDir) {
        try (ColumnLeafSource leaves = new ColumnLeafSource(kernels, layerFiles, TreeShape.ofSectorSize(sectorSize).leaves())) {
            return builder.build(leaves, 0, CacheFiles.treeC(cacheDir));
        }
    }

    /** tree_r_last over the sealed file; its root is comm_r_last. */
    public byte[] buildTreeRLast(Path sealed, long sectorSize, Path cacheDir) {
        try (FileLeafSource leaves = FileLeafSource.whole(sealed, TreeShape.ofSectorSize(sectorSize).leaves())) {
            return builder.build(leaves, 1, CacheFiles.treeRLast(cacheDir));
        }
    }

    public Commitments buildAll(Path unsealedData, List<Path> layerFiles, Path sealed, long sectorSize, Path cacheDir) {
        byte[] d = buildTreeD(unsealedData, sectorSize, cacheDir);
        byte[] c = buildTreeC(layerFiles, sectorSize, cacheDir);
        byte[] r = buildTreeRLast(sealed, sectorSize, cacheDir);
        return new Commitments(d, c, r, VanillaPoStProof.commR(c, r));
    }

    /** FinalizeSector's part: tree_r_last keeps only the rows above {@link TreeShape#defaultRowsToDiscard()}. */
    public static void discardTreeRLastRows(Path cacheDir, long sectorSize) {
        TreeShape shape = TreeShape.ofSectorSize(sectorSize);
        MerkleTreeFile.discardRows(CacheFiles.treeRLast(cacheDir), shape, shape.defaultRowsToDiscard());
    }
}

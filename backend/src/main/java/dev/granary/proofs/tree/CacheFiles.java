package dev.granary.proofs.tree;

import java.nio.file.Path;

/**
 * File names inside {@code cache/<sector>/}, as rust-fil-proofs' StoreConfig names them
 * ({@code sc-02-data-<key>.dat}, version 02; keys from storage-proofs-core cache_key.rs) and Lotus
 * keeps them. Sizes up to 512 MiB use one file per tree, like rust-fil-proofs below 32 GiB.
 */
public final class CacheFiles {

    public static final String TREE_D = "sc-02-data-tree-d.dat";
    public static final String TREE_C = "sc-02-data-tree-c.dat";
    public static final String TREE_R_LAST = "sc-02-data-tree-r-last.dat";

    private CacheFiles() {
    }

    public static Path treeD(Path cacheDir) {
        return cacheDir.resolve(TREE_D);
    }

    public static Path treeC(Path cacheDir) {
        return cacheDir.resolve(TREE_C);
    }

    public static Path treeRLast(Path cacheDir) {
        return cacheDir.resolve(TREE_R_LAST);
    }
}

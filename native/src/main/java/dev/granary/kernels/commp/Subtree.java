package dev.granary.kernels.commp;

import java.util.HexFormat;

/** A subtree root and its height; the root array is owned by the record and never exposed. */
record Subtree(int height, byte[] root) {

    Subtree {
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    byte[] rootUnsafe() {
        return root;
    }

    @Override
    public String toString() {
        return "Subtree[height=" + height + ", root=" + HexFormat.of().formatHex(root) + "]";
    }
}

package dev.granary.proofs;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.fr.FieldKernels;
import dev.granary.kernels.sdr.SdrKernels;

/**
 * The three kernel families sealing uses, chosen together: hashing and trees, SDR labels, field
 * encoding. {@link #java()} and {@link #nativeKernels()} give byte-identical sectors; verification
 * never uses them (it is pure Java).
 */
public record SealKernels(Kernels hashing, SdrKernels sdr, FieldKernels field) {

    public static SealKernels java() {
        return new SealKernels(Kernels.java(), SdrKernels.java(), FieldKernels.java());
    }

    /** Throws {@link IllegalStateException} saying why when libgranary cannot load. */
    public static SealKernels nativeKernels() {
        return new SealKernels(Kernels.nativeKernels(), SdrKernels.nativeKernels(), FieldKernels.nativeKernels());
    }

    /** Native when it loads (or as {@code granary.kernels} says), else Java. */
    public static SealKernels best() {
        return new SealKernels(Kernels.best(), SdrKernels.best(), FieldKernels.best());
    }

    public String name() {
        return hashing.name();
    }
}

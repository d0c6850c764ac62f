package dev.granary.kernels;

/** Lets tests in other packages run the portable C path on a SHA-NI machine. */
public final class ShaNiSwitch {

    private ShaNiSwitch() {
    }

    /** Turns the SHA-NI paths on or off for the process; returns whether they were on before. */
    public static boolean set(boolean enabled) {
        boolean before = Kernels.nativeKernels().usesShaNi();
        NativeKernels.useShaNi(enabled);
        return before;
    }
}

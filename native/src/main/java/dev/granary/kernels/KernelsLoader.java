package dev.granary.kernels;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the kernels once per process, honouring the {@code granary.kernels} system property. */
final class KernelsLoader {

    static final String PROPERTY = "granary.kernels";

    private static final Logger LOG = LoggerFactory.getLogger(KernelsLoader.class);

    private KernelsLoader() {
    }

    private static volatile Kernels chosen;

    /** Chooses once; a failed choice (bad setting, native forced but missing) is not cached and throws again. */
    static Kernels best() {
        Kernels k = chosen;
        if (k == null) {
            synchronized (KernelsLoader.class) {
                k = chosen;
                if (k == null) {
                    k = choose(System.getProperty(PROPERTY, "auto"));
                    chosen = k;
                }
            }
        }
        return k;
    }

    static Kernels choose(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> nativeOrJava();
            case "native" -> NativeKernels.load();
            case "java" -> JavaKernels.INSTANCE;
            default -> throw new IllegalArgumentException(
                    PROPERTY + "=" + setting + " is not one of auto, native, java");
        };
    }

    private static Kernels nativeOrJava() {
        try {
            return NativeKernels.load();
        } catch (IllegalStateException e) {
            // Hashing still works, several times slower; the operator should know why.
            LOG.warn("{}; using the pure-Java kernels", e.getMessage());
            return JavaKernels.INSTANCE;
        }
    }
}

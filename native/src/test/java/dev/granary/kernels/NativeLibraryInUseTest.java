package dev.granary.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dev.granary.kernels.sdr.SdrKernels;

/**
 * Which libgranary.so the kernel tests really run against. The build runs the tests twice: against
 * the release library and against the AddressSanitizer build (see native/pom.xml). JNA quietly moves
 * on to the next candidate when one fails to load, so without this check a broken sanitized run
 * would pass on the release library, or on the Java kernels.
 */
class NativeLibraryInUseTest {

    /** Set by the build to the library this run must use. */
    private static final String EXPECTED = "granary.test.nativeLibrary";
    /** "true" in the sanitized run. */
    private static final String ASAN = "granary.test.asan";
    /** Every instrumented object calls the ASan runtime's initialiser, so its name is in the symbol table. */
    private static final byte[] ASAN_SYMBOL = "__asan_init".getBytes(StandardCharsets.US_ASCII);

    @Test
    void theExpectedLibraryIsTheOneMapped() throws IOException {
        Path library = theMappedLibrary();
        String expected = System.getProperty(EXPECTED);
        if (expected != null) {
            Path want = Path.of(expected);
            assertTrue(Files.exists(want), EXPECTED + "=" + expected + " does not exist; the build did not make it");
            assertEquals(want.toRealPath(), library, "the kernels must run against " + EXPECTED + "=" + expected);
        }
    }

    @Test
    void theSanitizedRunUsesAnInstrumentedLibraryAndTheDefaultRunDoesNot() throws IOException {
        Path library = theMappedLibrary();
        boolean instrumented = contains(Files.readAllBytes(library), ASAN_SYMBOL);
        Set<Path> runtime = mappedFiles("libasan.so");
        if (Boolean.getBoolean(ASAN)) {
            assertTrue(instrumented, library + " has no AddressSanitizer instrumentation");
            assertFalse(runtime.isEmpty(), "the sanitized run has no ASan runtime mapped (is LD_PRELOAD set?)");
            assertEquals("native", Kernels.best().name(), "the sanitized run must not fall back to the Java kernels");
        } else {
            assertFalse(instrumented, library + " is the AddressSanitizer build, outside the sanitized run");
            assertTrue(runtime.isEmpty(), "ASan runtime mapped into a normal run: " + runtime);
        }
    }

    /** The one libgranary.so in this process, after every native binding has loaded it. */
    private static Path theMappedLibrary() throws IOException {
        loadEveryNativeKernel();
        Set<Path> mapped = mappedFiles("libgranary.so");
        assertEquals(1, mapped.size(), "exactly one libgranary.so mapped: " + mapped);
        return mapped.iterator().next();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void loadEveryNativeKernel() {
        // Each throws, naming the reason, when the library cannot be loaded or bound; all bind the
        // same library, so one mapping serves them all.
        Kernels.nativeKernels();
        SdrKernels.nativeKernels();
    }

    /** Real paths of the files mapped into this process whose names contain {@code name}. */
    private static Set<Path> mappedFiles(String name) throws IOException {
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        Set<Path> found = new TreeSet<>();
        for (String line : maps) {
            int slash = line.indexOf('/');
            if (slash >= 0 && line.indexOf(name, slash) >= 0) {
                Path file = Path.of(line.substring(slash).trim());
                found.add(Files.exists(file) ? file.toRealPath() : file);
            }
        }
        return found;
    }
}

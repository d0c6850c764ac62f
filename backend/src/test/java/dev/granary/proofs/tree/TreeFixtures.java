package dev.granary.proofs.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Random node files whose 32-byte elements are valid field elements (top two bits cleared, like Fr32 data). */
public final class TreeFixtures {

    private TreeFixtures() {
    }

    public static byte[] fieldNodes(long bytes, long seed) {
        byte[] out = new byte[(int) bytes];
        new Random(seed).nextBytes(out);
        for (int i = 31; i < out.length; i += 32) {
            out[i] &= 0x3f;
        }
        return out;
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}

package dev.granary.proofs.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.kernels.fr.FieldKernels;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.tree.TreeFixtures;

class ReplicaEncoderTest {

    @TempDir
    Path dir;

    @Test
    void nativeAndJavaSealIdenticallyAndUnsealReturnsTheData() throws IOException {
        int size = 8 << 20;
        byte[] data = TreeFixtures.fieldNodes(size, 1);
        Path dataFile = TreeFixtures.write(dir, "unsealed", data);
        Path key = TreeFixtures.write(dir, "sc-02-data-layer-2.dat", TreeFixtures.fieldNodes(size, 2));
        long t0 = System.nanoTime();
        new ReplicaEncoder(FieldKernels.nativeKernels()).encode(dataFile, key, dir.resolve("sealed-native"));
        long t1 = System.nanoTime();
        new ReplicaEncoder(FieldKernels.java()).encode(dataFile, key, dir.resolve("sealed-java"));
        long t2 = System.nanoTime();
        System.out.printf("encode 8 MiB: native %.0f MB/s, java %.0f MB/s%n", size / ((t1 - t0) / 1e3),
                size / ((t2 - t1) / 1e3));
        assertEquals(-1, Files.mismatch(dir.resolve("sealed-native"), dir.resolve("sealed-java")));
        assertFalse(Arrays.equals(data, Files.readAllBytes(dir.resolve("sealed-java"))));

        new ReplicaEncoder(FieldKernels.best()).decodeRange(dir.resolve("sealed-java"), key, 0, size / 32, dir.resolve("whole"));
        assertArrayEquals(data, Files.readAllBytes(dir.resolve("whole")));
        new ReplicaEncoder(FieldKernels.java()).decodeRange(dir.resolve("sealed-native"), key, 1000, 4096, dir.resolve("part"));
        assertArrayEquals(Arrays.copyOfRange(data, 1000 * 32, (1000 + 4096) * 32), Files.readAllBytes(dir.resolve("part")));
    }

    @Test
    void wrongSizesAndNonFieldNodesNameTheFile() throws IOException {
        Path data = TreeFixtures.write(dir, "unsealed", TreeFixtures.fieldNodes(2048, 3));
        Path shortKey = TreeFixtures.write(dir, "key", TreeFixtures.fieldNodes(2016, 4));
        ProofFileException e = assertThrows(ProofFileException.class,
                () -> new ReplicaEncoder(FieldKernels.java()).encode(data, shortKey, dir.resolve("s")));
        assertEquals(shortKey, e.file());
        byte[] badKey = TreeFixtures.fieldNodes(2048, 5);
        Arrays.fill(badKey, 32 * 9, 32 * 10, (byte) 0xff);
        Path key = TreeFixtures.write(dir, "key2", badKey);
        for (FieldKernels k : new FieldKernels[] {FieldKernels.java(), FieldKernels.nativeKernels()}) {
            ProofFileException bad = assertThrows(ProofFileException.class,
                    () -> new ReplicaEncoder(k).encode(data, key, dir.resolve("s")));
            assertEquals(key, bad.file());
            assertTrue(bad.reason().contains("node 9"), bad.reason());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new ReplicaEncoder(FieldKernels.java()).decodeRange(data, data, 60, 10, dir.resolve("p")));
    }

    private static void assertTrue(boolean condition, String message) {
        org.junit.jupiter.api.Assertions.assertTrue(condition, message);
    }
}

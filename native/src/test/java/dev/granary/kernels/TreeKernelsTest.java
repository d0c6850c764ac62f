package dev.granary.kernels;

import static dev.granary.kernels.Vectors.direct;
import static dev.granary.kernels.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Node hashes and tree roots: against a plain reference, and native (both C paths) against Java. */
class TreeKernelsTest {

    @AfterEach
    void restoreShaNi() {
        NativeKernels.useShaNi(true);
    }

    static Stream<Kernels> kernels() {
        return Vectors.bothKernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void nodeHashIsTruncatedSha256(Kernels kernels) throws Exception {
        byte[] children = Vectors.randomBytes(1, 64);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(children);
        expected[31] &= 0x3f;
        assertArrayEquals(expected, kernels.hashPair(Arrays.copyOf(children, 32), Arrays.copyOfRange(children, 32, 64)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 1000})
    void hashNodesMatchesAcrossImplementationsAndPaths(int count) {
        byte[] children = Vectors.randomBytes(count, 64 * count);
        byte[] expected = hashNodes(Kernels.java(), children);
        assertArrayEquals(expected, hashNodes(Kernels.nativeKernels(), children), "sha-ni");
        NativeKernels.useShaNi(false);
        assertArrayEquals(expected, hashNodes(Kernels.nativeKernels(), children), "portable C");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void hashNodesWorksInPlace(Kernels kernels) {
        byte[] children = Vectors.randomBytes(3, 64 * 37);
        byte[] expected = hashNodes(kernels, children);
        ByteBuffer buf = direct(children);
        kernels.hashNodes(buf, buf.duplicate());
        byte[] actual = new byte[32 * 37];
        buf.get(0, actual);
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 256, 4096, 16384, 32768, 1 << 20})
    void merkleRootMatchesALevelByLevelReference(int size) throws Exception {
        byte[] padded = Vectors.randomBytes(size, size);
        String expected = hex(referenceRoot(padded));
        assertEquals(expected, hex(Kernels.java().merkleRoot(ByteBuffer.wrap(padded))), "java");
        assertEquals(expected, hex(Kernels.nativeKernels().merkleRoot(direct(padded))), "native sha-ni");
        NativeKernels.useShaNi(false);
        assertEquals(expected, hex(Kernels.nativeKernels().merkleRoot(direct(padded))), "native portable");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 64, 128, 256, 512, 2048})
    void padAndRootEqualsRootOfThePaddedBytes(int quads) {
        byte[] raw = Vectors.randomBytes(quads + 99, quads * 127);
        byte[] padded = Fr32Test.pad(Kernels.java(), raw);
        String expected = hex(Kernels.java().merkleRoot(ByteBuffer.wrap(padded)));
        assertEquals(expected, hex(Kernels.java().padAndRoot(direct(raw))), "java");
        assertEquals(expected, hex(Kernels.nativeKernels().padAndRoot(direct(raw))), "native");
        NativeKernels.useShaNi(false);
        assertEquals(expected, hex(Kernels.nativeKernels().padAndRoot(direct(raw))), "native portable");
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rejectsTreesThatAreNotPowersOfTwo(Kernels kernels) {
        IllegalArgumentException tree = assertThrows(IllegalArgumentException.class,
                () -> kernels.merkleRoot(direct(new byte[96])));
        assertEquals("a Merkle tree needs a power of two of at least 64 bytes, got 96", tree.getMessage());
        IllegalArgumentException subtree = assertThrows(IllegalArgumentException.class,
                () -> kernels.padAndRoot(direct(new byte[127 * 3])));
        assertEquals("a padded subtree needs 127 * 2^k raw bytes, got 381", subtree.getMessage());
    }

    @Test
    void bufferPositionsAreRespectedAndKept() {
        byte[] raw = Vectors.randomBytes(8, 127 * 4);
        ByteBuffer offset = ByteBuffer.allocateDirect(10 + raw.length).position(10);
        offset.put(raw).position(10);
        byte[] expected = Kernels.java().padAndRoot(ByteBuffer.wrap(raw));
        assertArrayEquals(expected, Kernels.nativeKernels().padAndRoot(offset));
        assertEquals(10, offset.position());
    }

    private static byte[] hashNodes(Kernels kernels, byte[] children) {
        ByteBuffer out = ByteBuffer.allocateDirect(children.length / 2);
        kernels.hashNodes(direct(children), out);
        byte[] result = new byte[out.capacity()];
        out.get(0, result);
        return result;
    }

    /** Straightforward level-by-level tree with MessageDigest, independent of both kernels. */
    private static byte[] referenceRoot(byte[] padded) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] level = padded;
        while (level.length > 32) {
            byte[] next = new byte[level.length / 2];
            for (int i = 0; i < next.length / 32; i++) {
                md.update(level, 64 * i, 64);
                byte[] digest = md.digest();
                digest[31] &= 0x3f;
                System.arraycopy(digest, 0, next, 32 * i, 32);
            }
            level = next;
        }
        return level;
    }
}

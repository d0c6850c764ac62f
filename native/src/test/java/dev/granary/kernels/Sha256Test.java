package dev.granary.kernels;

import static dev.granary.kernels.Vectors.direct;
import static dev.granary.kernels.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Sha256Test {

    @AfterEach
    void restoreShaNi() {
        NativeKernels.useShaNi(true);
    }

    static java.util.stream.Stream<Kernels> kernels() {
        return Vectors.bothKernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void knownAnswers(Kernels kernels) {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(kernels.sha256(text(""))));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(kernels.sha256(text("abc"))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex(kernels.sha256(text("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1000, 16384, 100_003})
    void nativeMatchesMessageDigestOnEveryPath(int length) throws Exception {
        byte[] data = Vectors.randomBytes(length, length);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(data);
        Kernels kernels = Kernels.nativeKernels();
        assertArrayEquals(expected, kernels.sha256(direct(data)), "sha-ni or default path");
        NativeKernels.useShaNi(false);
        assertArrayEquals(expected, kernels.sha256(direct(data)), "portable C path");
        assertArrayEquals(expected, Kernels.java().sha256(ByteBuffer.wrap(data)), "java");
    }

    @Test
    void shaNiIsUsedWhereTheCpuHasIt() {
        boolean cpuHasIt = NativeKernels.useShaNi(true);
        assertEquals(cpuHasIt, Kernels.nativeKernels().usesShaNi());
        assertEquals(cpuHasIt ? "native (sha-ni)" : "native (portable C)", Kernels.nativeKernels().detail());
        assertFalse(NativeKernels.useShaNi(false));
        assertEquals("native (portable C)", Kernels.nativeKernels().detail());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void batchHashesEachMessage(Kernels kernels) throws Exception {
        int length = 100;
        byte[] data = Vectors.randomBytes(7, length * 5);
        ByteBuffer digests = ByteBuffer.allocateDirect(5 * 32 + 3).position(3);
        kernels.sha256Batch(direct(data), length, digests);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < 5; i++) {
            md.update(data, i * length, length);
            byte[] actual = new byte[32];
            digests.get(3 + 32 * i, actual);
            assertArrayEquals(md.digest(), actual, "message " + i);
        }
        assertEquals(3, digests.position(), "positions are left alone");
    }

    @Test
    void batchRejectsPartialMessages() {
        Kernels kernels = Kernels.nativeKernels();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> kernels.sha256Batch(direct(new byte[10]), 3, ByteBuffer.allocateDirect(96)));
        assertEquals("messages must be a multiple of 3 bytes, got 10", e.getMessage());
    }

    @Test
    void nativeRejectsHeapBuffers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.nativeKernels().sha256(ByteBuffer.wrap(new byte[4])));
        assertTrue(e.getMessage().contains("direct buffers"), e.getMessage());
    }

    private static ByteBuffer text(String s) {
        return direct(s.getBytes(StandardCharsets.US_ASCII));
    }
}

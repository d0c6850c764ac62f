package dev.granary.kernels;

import static dev.granary.kernels.Vectors.direct;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Fr32Test {

    static Stream<Kernels> kernels() {
        return Vectors.bothKernels();
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void allOnesFillEveryElementBelowTheTopTwoBits(Kernels kernels) {
        byte[] raw = new byte[127];
        Arrays.fill(raw, (byte) 0xff);
        byte[] padded = pad(kernels, raw);
        for (int i = 0; i < 128; i++) {
            assertEquals(i % 32 == 31 ? 0x3f : 0xff, padded[i] & 0xff, "byte " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void eachRawBitLandsAtItsFieldElementPosition(Kernels kernels) {
        for (int bit = 0; bit < 127 * 8; bit++) {
            byte[] raw = new byte[127];
            raw[bit / 8] = (byte) (1 << (bit % 8));
            byte[] padded = pad(kernels, raw);
            // Raw bit i is bit i % 254 of element i / 254.
            int target = (bit / 254) * 256 + bit % 254;
            byte[] expected = new byte[128];
            expected[target / 8] = (byte) (1 << (target % 8));
            assertArrayEquals(expected, padded, "raw bit " + bit);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void padThenUnpadRoundTrips(Kernels kernels) {
        for (int quads : new int[] {1, 2, 3, 17, 128, 129, 300}) {
            byte[] raw = Vectors.randomBytes(quads, quads * 127);
            byte[] padded = pad(kernels, raw);
            for (int i = 31; i < padded.length; i += 32) {
                assertEquals(0, padded[i] & 0xc0, "top bits of element ending at " + i);
            }
            assertArrayEquals(raw, unpad(kernels, padded), quads + " quads");
        }
    }

    @Test
    void nativeAndJavaAgree() {
        byte[] raw = Vectors.randomBytes(42, 127 * 1000);
        assertArrayEquals(pad(Kernels.java(), raw), pad(Kernels.nativeKernels(), raw));
        byte[] padded = Vectors.randomBytes(43, 128 * 1000);
        assertArrayEquals(unpad(Kernels.java(), padded), unpad(Kernels.nativeKernels(), padded));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void unpadIgnoresTheTopTwoBits(Kernels kernels) {
        byte[] padded = pad(kernels, Vectors.randomBytes(5, 127));
        byte[] dirty = padded.clone();
        for (int i = 31; i < 128; i += 32) {
            dirty[i] |= (byte) 0xc0;
        }
        assertNotEquals(Arrays.toString(padded), Arrays.toString(dirty));
        assertArrayEquals(unpad(kernels, padded), unpad(kernels, dirty));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rejectsPartialQuadsAndSmallOutputs(Kernels kernels) {
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> kernels.fr32Pad(direct(new byte[128]), ByteBuffer.allocateDirect(256)));
        assertEquals("raw must be a multiple of 127 bytes, got 128", partial.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> kernels.fr32Pad(direct(new byte[127]), ByteBuffer.allocateDirect(127)));
        assertEquals("padded needs 128 bytes of room, has 127", small.getMessage());
    }

    static byte[] pad(Kernels kernels, byte[] raw) {
        ByteBuffer out = ByteBuffer.allocateDirect(raw.length / 127 * 128);
        kernels.fr32Pad(direct(raw), out);
        byte[] result = new byte[out.capacity()];
        out.get(0, result);
        return result;
    }

    static byte[] unpad(Kernels kernels, byte[] padded) {
        ByteBuffer out = ByteBuffer.allocateDirect(padded.length / 128 * 127);
        kernels.fr32Unpad(direct(padded), out);
        byte[] result = new byte[out.capacity()];
        out.get(0, result);
        return result;
    }
}

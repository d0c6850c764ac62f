package dev.granary.kernels.fr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FieldKernelsTest {

    static final BigInteger R = new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    static Stream<FieldKernels> kernels() {
        return Stream.of(FieldKernels.java(), FieldKernels.nativeKernels());
    }

    /** Random elements below 2^254 (like Fr32 data and labels) plus edge values r-1, 0, 1 at the front. */
    static byte[] elements(int count, long seed, boolean fullRange) {
        Random rnd = new Random(seed);
        byte[] out = new byte[count * 32];
        rnd.nextBytes(out);
        for (int i = 0; i < count; i++) {
            BigInteger v = fromLe(out, i);
            v = fullRange ? v.mod(R) : v.clearBit(255).clearBit(254);
            putLe(out, i, v);
        }
        if (count >= 3) {
            putLe(out, 0, R.subtract(BigInteger.ONE));
            putLe(out, 1, BigInteger.ZERO);
            putLe(out, 2, BigInteger.ONE);
        }
        return out;
    }

    static BigInteger fromLe(byte[] b, int element) {
        byte[] be = new byte[33];
        for (int j = 0; j < 32; j++) {
            be[32 - j] = b[element * 32 + j];
        }
        return new BigInteger(be);
    }

    static void putLe(byte[] b, int element, BigInteger v) {
        byte[] be = v.toByteArray();
        java.util.Arrays.fill(b, element * 32, element * 32 + 32, (byte) 0);
        for (int j = 0; j < Math.min(32, be.length); j++) {
            b[element * 32 + j] = be[be.length - 1 - j];
        }
    }

    static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void encodeMatchesBigIntegerAndDecodeInverts(FieldKernels k) {
        byte[] data = elements(256, 1, false);
        byte[] key = elements(256, 2, true);
        ByteBuffer out = ByteBuffer.allocateDirect(data.length);
        k.encode(direct(data), direct(key), out);
        byte[] replica = bytes(out);
        for (int i = 0; i < 256; i++) {
            assertEquals(fromLe(data, i).add(fromLe(key, i)).mod(R), fromLe(replica, i), "element " + i);
        }
        ByteBuffer back = ByteBuffer.allocateDirect(data.length);
        k.decode(direct(replica), direct(key), back);
        assertArrayEquals(data, bytes(back));
    }

    @Test
    void nativeAndJavaAgreeOn8MiB() {
        int count = (8 << 20) / 32;
        byte[] data = elements(count, 3, false);
        byte[] key = elements(count, 4, false);
        ByteBuffer viaJava = ByteBuffer.allocateDirect(data.length);
        ByteBuffer viaNative = ByteBuffer.allocateDirect(data.length);
        FieldKernels.java().encode(direct(data), direct(key), viaJava);
        FieldKernels.nativeKernels().encode(direct(data), direct(key), viaNative);
        assertEquals(viaJava, viaNative);
        // In place: decoding into the replica buffer itself returns the data.
        FieldKernels.nativeKernels().decode(viaNative, direct(key), viaNative);
        assertArrayEquals(data, bytes(viaNative));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rejectsElementsAtOrAboveR(FieldKernels k) {
        byte[] data = elements(4, 5, false);
        putLe(data, 3, R);
        NotAFieldElementException e = assertThrows(NotAFieldElementException.class,
                () -> k.encode(direct(data), direct(new byte[128]), ByteBuffer.allocateDirect(128)));
        assertEquals(3, e.elementIndex());
        byte[] key = new byte[128];
        java.util.Arrays.fill(key, 64, 96, (byte) 0xff);
        NotAFieldElementException k2 = assertThrows(NotAFieldElementException.class,
                () -> k.decode(direct(new byte[128]), direct(key), ByteBuffer.allocateDirect(128)));
        assertEquals(2, k2.elementIndex());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void rejectsBadLengths(FieldKernels k) {
        assertThrows(IllegalArgumentException.class,
                () -> k.encode(direct(new byte[33]), direct(new byte[33]), ByteBuffer.allocateDirect(64)));
        assertThrows(IllegalArgumentException.class,
                () -> k.encode(direct(new byte[64]), direct(new byte[32]), ByteBuffer.allocateDirect(64)));
        assertThrows(IllegalArgumentException.class,
                () -> k.decode(direct(new byte[64]), direct(new byte[64]), ByteBuffer.allocateDirect(32)));
    }
}

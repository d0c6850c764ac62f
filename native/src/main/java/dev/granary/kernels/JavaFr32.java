package dev.granary.kernels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Fr32 padding in Java: 127 raw bytes read as a little-endian stream of 1016 bits, cut into four
 * 254-bit pieces, each stored in 32 bytes whose top two bits are zero. Twin of fr32.c.
 */
final class JavaFr32 {

    private JavaFr32() {
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long TOP_TWO_BITS_CLEAR = 0x3fffffffffffffffL;

    /** Pads one quad: raw[rawOff, +127) into padded[paddedOff, +128). */
    static void padQuad(byte[] raw, int rawOff, byte[] padded, int paddedOff) {
        System.arraycopy(raw, rawOff, padded, paddedOff, 32);
        padded[paddedOff + 31] &= 0x3f;
        // Element c starts at raw bit 254c, i.e. byte 32c - 1, bit 8 - 2c; shifted in 64-bit words.
        for (int c = 1; c < 4; c++) {
            int src = rawOff + 32 * c - 1;
            int shift = 8 - 2 * c;
            int dst = paddedOff + 32 * c;
            for (int k = 0; k < 4; k++) {
                // The byte after the quad does not exist; its bits would be masked off anyway.
                long next = (c == 3 && k == 3) ? 0 : raw[src + 8 * k + 8] & 0xffL;
                long word = (long) LONGS.get(raw, src + 8 * k) >>> shift | next << (64 - shift);
                LONGS.set(padded, dst + 8 * k, k == 3 ? word & TOP_TWO_BITS_CLEAR : word);
            }
        }
    }

    /** Unpads one quad: padded[paddedOff, +128) into raw[rawOff, +127), ignoring each element's top two bits. */
    static void unpadQuad(byte[] padded, int paddedOff, byte[] raw, int rawOff) {
        long acc = 0;
        int have = 0;
        int out = rawOff;
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < 32; j++) {
                int bits = j == 31 ? 6 : 8;
                int value = padded[paddedOff + 32 * c + j] & ((1 << bits) - 1);
                acc |= (long) value << have;
                have += bits;
                while (have >= 8) {
                    raw[out++] = (byte) acc;
                    acc >>>= 8;
                    have -= 8;
                }
            }
        }
    }
}

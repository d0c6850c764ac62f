package dev.granary.kernels.sdr;

/**
 * The ChaCha stream cipher with 8 rounds as rand_chacha's ChaCha8Rng uses it: a 32-byte key,
 * 64-bit block counter from 0 (words 12 and 13), stream 0 (words 14 and 15). {@link #nextLong}
 * takes two consecutive 32-bit output words, the first as the low half, as rand_core does when a
 * generator only ever draws u64 values.
 */
final class ChaCha8 {

    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private final int[] input = new int[16];
    private final int[] block = new int[16];
    private int used = 16;

    /** Key = the 28-byte graph seed followed by the node index (u32 little-endian). */
    ChaCha8(int[] seedWords, int node) {
        System.arraycopy(SIGMA, 0, input, 0, 4);
        System.arraycopy(seedWords, 0, input, 4, 7);
        input[11] = node;
    }

    /** The seven little-endian words of a 28-byte seed. */
    static int[] seedWords(byte[] seed28) {
        int[] words = new int[7];
        for (int i = 0; i < 7; i++) {
            words[i] = Bytes.u32le(seed28, 4 * i);
        }
        return words;
    }

    long nextLong() {
        long low = nextInt() & 0xffffffffL;
        long high = nextInt() & 0xffffffffL;
        return high << 32 | low;
    }

    private int nextInt() {
        if (used == 16) {
            refill();
        }
        return block[used++];
    }

    private void refill() {
        System.arraycopy(input, 0, block, 0, 16);
        for (int round = 0; round < 8; round += 2) {
            quarter(0, 4, 8, 12);
            quarter(1, 5, 9, 13);
            quarter(2, 6, 10, 14);
            quarter(3, 7, 11, 15);
            quarter(0, 5, 10, 15);
            quarter(1, 6, 11, 12);
            quarter(2, 7, 8, 13);
            quarter(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] += input[i];
        }
        if (++input[12] == 0) {
            input[13]++;
        }
        used = 0;
    }

    private void quarter(int a, int b, int c, int d) {
        int[] x = block;
        x[a] += x[b]; x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d]; x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b]; x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d]; x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }
}

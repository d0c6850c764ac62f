package dev.granary.kernels.sdr;

/**
 * The keyed permutation behind expansion parents (rust-fil-proofs crypto/feistel.rs): a 3-round
 * Feistel network over the smallest even number of bits that holds the domain, cycle-walking
 * until the output falls inside it. The round function is the first eight bytes of BLAKE2b-512
 * of (right half, key), both u64 big-endian, masked to a half width.
 */
final class Feistel {

    private final long domain;
    private final long leftMask;
    private final long rightMask;
    private final int halfBits;
    private final long[] keys;
    private final Blake2b blake = new Blake2b();

    Feistel(long domain, long[] keys) {
        long nextPow4 = 4;
        int log4 = 1;
        while (nextPow4 < domain) {
            nextPow4 *= 4;
            log4++;
        }
        this.domain = domain;
        this.halfBits = log4;
        this.rightMask = (1L << log4) - 1;
        this.leftMask = rightMask << log4;
        this.keys = keys.clone();
    }

    long permute(long index) {
        long u = encode(index);
        while (u >= domain) {
            u = encode(u);
        }
        return u;
    }

    private long encode(long index) {
        long left = (index & leftMask) >>> halfBits;
        long right = index & rightMask;
        for (int round = 0; round < SdrGraph.FEISTEL_ROUNDS; round++) {
            long nextRight = left ^ (blake.firstWordOf16(right, keys[round]) & rightMask);
            left = right;
            right = nextRight;
        }
        return left << halfBits | right;
    }
}

package dev.granary.kernels.sdr;

/** Little-endian reads of the seeds. */
final class Bytes {

    private Bytes() {
    }

    static int u32le(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    static long u64le(byte[] b, int off) {
        return (u32le(b, off) & 0xffffffffL) | (long) u32le(b, off + 4) << 32;
    }
}

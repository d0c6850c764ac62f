package dev.granary.cli;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import dev.granary.kernels.Kernels;

/**
 * The machine's single-stream SHA-256 rate in compressions per second: 16 KiB messages hashed one
 * after another (as `bench commp` measures it), each costing 256 blocks plus one of padding.
 */
final class ShaRate {

    private static final int MESSAGE = 16 << 10;
    private static final int MESSAGES = 256;
    private static final int COMPRESSIONS_PER_MESSAGE = MESSAGE / 64 + 1;

    private ShaRate() {
    }

    static double compressionsPerSecond(Kernels kernels, double seconds) {
        ByteBuffer messages = ByteBuffer.allocateDirect(MESSAGE * MESSAGES);
        SplittableRandom random = new SplittableRandom(7);
        while (messages.hasRemaining()) {
            messages.putLong(random.nextLong());
        }
        messages.flip();
        ByteBuffer digests = ByteBuffer.allocateDirect(32 * MESSAGES);
        kernels.sha256Batch(messages, MESSAGE, digests);
        long batches = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            kernels.sha256Batch(messages, MESSAGE, digests);
            batches++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < seconds * 1e9);
        return batches * MESSAGES * (double) COMPRESSIONS_PER_MESSAGE / (elapsed / 1e9);
    }
}

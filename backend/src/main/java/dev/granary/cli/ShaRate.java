package dev.granary.cli;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import dev.granary.kernels.Kernels;

/**
 * The machine's single-stream SHA-256 rate, the baseline the benchmarks set their figures against:
 * 16 KiB messages hashed one after another (each costs 256 blocks plus one of padding), after a
 * warm-up batch, for a given time.
 */
final class ShaRate {

    private static final int MESSAGE = 16 << 10;
    private static final int MESSAGES = 256;
    private static final int COMPRESSIONS_PER_MESSAGE = MESSAGE / 64 + 1;

    /** Messages hashed per second; the two units the benchmarks report derive from it. */
    private final double messagesPerSecond;

    private ShaRate(double messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    static ShaRate measure(Kernels kernels, double seconds) {
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
        return new ShaRate(batches * MESSAGES / (elapsed / 1e9));
    }

    double compressionsPerSecond() {
        return messagesPerSecond * COMPRESSIONS_PER_MESSAGE;
    }

    /** MB (10^6 bytes) of message per second. */
    double megabytesPerSecond() {
        return messagesPerSecond * MESSAGE / 1e6;
    }
}

package dev.granary.kernels.commp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.granary.kernels.Kernels;

/**
 * Streaming piece commitment (CommP). The payload is read in fixed-size chunks of 127 * 2^k bytes;
 * each chunk's subtree root is computed on a pool of threads and the roots are combined in order,
 * so memory stays at a few chunks per thread whatever the payload size (up to a 64 GiB piece).
 *
 * <p>The payload is zero-padded to a multiple of 127 bytes (at least 127), Fr32-padded, and the
 * tree is completed with zero subtrees up to the next power of two.
 */
public final class CommP {

    /** 127 * 8192 raw bytes: 1 MiB of padded data per chunk. */
    public static final int DEFAULT_CHUNK_QUADS = 8192;

    private static final int STREAM_TRANSFER = 256 * 1024;

    private final Kernels kernels;
    private final int threads;
    private final int chunkQuads;

    /** The outcome: payload and padded size, and the 32-byte commitment. */
    public record Result(long payloadSize, long paddedSize, byte[] commP) {

        public Result {
            commP = commP.clone();
        }

        @Override
        public byte[] commP() {
            return commP.clone();
        }

        public String commPHex() {
            return HexFormat.of().formatHex(commP);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && r.payloadSize == payloadSize && r.paddedSize == paddedSize
                    && Arrays.equals(r.commP, commP);
        }

        @Override
        public int hashCode() {
            return (Long.hashCode(payloadSize) * 31 + Long.hashCode(paddedSize)) * 31 + Arrays.hashCode(commP);
        }

        @Override
        public String toString() {
            return "CommP[payloadSize=" + payloadSize + ", paddedSize=" + paddedSize + ", commP=" + commPHex() + "]";
        }
    }

    public CommP(Kernels kernels, int threads) {
        this(kernels, threads, DEFAULT_CHUNK_QUADS);
    }

    /** @param chunkQuads 127-byte groups per chunk, a power of two (chunks are 127 * chunkQuads bytes) */
    public CommP(Kernels kernels, int threads, int chunkQuads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (chunkQuads < 1 || Integer.bitCount(chunkQuads) != 1 || chunkQuads > (1 << 24)) {
            throw new IllegalArgumentException("chunk quads must be a power of two up to 2^24, got " + chunkQuads);
        }
        this.kernels = kernels;
        this.threads = threads;
        this.chunkQuads = chunkQuads;
    }

    /** The best kernels on every core. */
    public static CommP withDefaults() {
        return new CommP(Kernels.best(), Runtime.getRuntime().availableProcessors());
    }

    public Result compute(byte[] payload) {
        ByteBuffer source = ByteBuffer.wrap(payload);
        try {
            return compute(dst -> transfer(source, dst));
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array failed", e);
        }
    }

    public Result compute(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return compute(channel);
        }
    }

    public Result compute(ReadableByteChannel channel) throws IOException {
        return compute(dst -> fillFrom(channel, dst));
    }

    public Result compute(InputStream in) throws IOException {
        byte[] transfer = new byte[STREAM_TRANSFER];
        return compute(dst -> fillFrom(in, transfer, dst));
    }

    /** Fills {@code dst} up to its limit unless the source ends first; returns the bytes added. */
    @FunctionalInterface
    private interface ChunkSource {
        int fill(ByteBuffer dst) throws IOException;
    }

    private record Pending(Future<List<Subtree>> roots, ByteBuffer chunk) {
    }

    private Result compute(ChunkSource source) throws IOException {
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, workerFactory()) : null;
        RootStack stack = new RootStack(kernels);
        long payload;
        try {
            payload = readAndHash(source, pool, stack);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long padded = PieceSize.paddedFor(payload);
        return new Result(payload, padded, stack.finish(PieceSize.height(padded)).root());
    }

    /**
     * Reads chunk after chunk and hashes them on the pool, pushing their roots in order; at most
     * threads + 2 chunks exist at once, so the reader stays ahead without memory growing.
     * Returns the payload size.
     */
    private long readAndHash(ChunkSource source, ExecutorService pool, RootStack stack) throws IOException {
        int chunkBytes = chunkQuads * Kernels.FR32_RAW;
        int maxChunks = pool == null ? 1 : threads + 2;
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        long payload = 0;
        int read;
        do {
            ByteBuffer chunk = pending.size() < maxChunks
                    ? ByteBuffer.allocateDirect(chunkBytes)
                    : collect(pending.removeFirst(), stack);
            read = source.fill(chunk.clear());
            payload += read;
            if (payload > PieceSize.MAX_PAYLOAD) {
                throw new IllegalArgumentException("payload exceeds " + PieceSize.MAX_PAYLOAD
                        + " bytes, the most a 64 GiB piece holds");
            }
            // An empty read adds nothing, except that an empty payload still makes one zero piece.
            if (read > 0 || payload == 0) {
                pending.addLast(new Pending(submit(pool, chunk, read), chunk));
            }
        } while (read == chunkBytes);
        while (!pending.isEmpty()) {
            collect(pending.removeFirst(), stack);
        }
        return payload;
    }

    private Future<List<Subtree>> submit(ExecutorService pool, ByteBuffer chunk, int length) {
        FutureTask<List<Subtree>> task = new FutureTask<>(() -> chunkRoots(chunk, length));
        if (pool == null) {
            task.run();
        } else {
            pool.execute(task);
        }
        return task;
    }

    /** Waits for the oldest chunk, adds its roots in order and hands its buffer back. */
    private static ByteBuffer collect(Pending oldest, RootStack stack) throws IOException {
        try {
            for (Subtree root : oldest.roots().get()) {
                stack.push(root);
            }
            return oldest.chunk();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while computing CommP");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("computing a chunk root failed", e.getCause());
        }
    }

    /**
     * Roots of one chunk: a full chunk is one subtree; the final, shorter one is zero-padded to
     * whole 127-byte groups and split into power-of-two subtrees, largest first.
     */
    private List<Subtree> chunkRoots(ByteBuffer chunk, int length) {
        if (length == chunkQuads * Kernels.FR32_RAW) {
            return List.of(subtree(chunk, 0, chunkQuads));
        }
        int quads = Math.max(1, (length + Kernels.FR32_RAW - 1) / Kernels.FR32_RAW);
        zeroFill(chunk, length, quads * Kernels.FR32_RAW);
        List<Subtree> roots = new ArrayList<>();
        int start = 0;
        for (int bit = Integer.highestOneBit(quads); bit > 0; bit >>>= 1) {
            if ((quads & bit) != 0) {
                roots.add(subtree(chunk, start, bit));
                start += bit;
            }
        }
        return roots;
    }

    private Subtree subtree(ByteBuffer chunk, int firstQuad, int quads) {
        ByteBuffer raw = chunk.slice(firstQuad * Kernels.FR32_RAW, quads * Kernels.FR32_RAW);
        return new Subtree(PieceSize.height((long) quads * Kernels.FR32_PADDED), kernels.padAndRoot(raw));
    }

    private static void zeroFill(ByteBuffer chunk, int from, int to) {
        chunk.put(from, new byte[to - from]);
    }

    private static int transfer(ByteBuffer source, ByteBuffer dst) {
        int n = Math.min(source.remaining(), dst.remaining());
        dst.put(source.slice(source.position(), n));
        source.position(source.position() + n);
        return n;
    }

    private static int fillFrom(ReadableByteChannel channel, ByteBuffer dst) throws IOException {
        int start = dst.position();
        // A channel may return short reads before its end; keep reading until full or at the end.
        while (dst.hasRemaining()) {
            if (channel.read(dst) < 0) {
                break;
            }
        }
        return dst.position() - start;
    }

    private static int fillFrom(InputStream in, byte[] transfer, ByteBuffer dst) throws IOException {
        int start = dst.position();
        while (dst.hasRemaining()) {
            int n = in.read(transfer, 0, Math.min(transfer.length, dst.remaining()));
            if (n < 0) {
                break;
            }
            dst.put(transfer, 0, n);
        }
        return dst.position() - start;
    }

    private static ThreadFactory workerFactory() {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "commp-worker-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package dev.granary.proofs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.kernels.sdr.SdrKernels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parent cache files in one directory (the node uses {@code <home>/cache/parents}): one file per
 * graph, named by {@link ParentCacheId}, with its sha256 in a side-car {@code .sha256} file.
 * {@link #open} returns a cache only after its digest checked out (against rust-fil-proofs' published
 * digest when the graph is a known one, else the side-car); a missing, truncated or corrupt cache is
 * rebuilt with a WARN, never used. Generation streams fixed-size chunks, computed on all cores, to
 * a temporary file that is renamed into place, so memory stays bounded and a crash leaves no half
 * cache under the final name.
 */
public final class ParentCacheStore {

    public static final String CACHE_SUFFIX = ".cache";
    public static final String DIGEST_SUFFIX = ".cache.sha256";

    private static final Logger LOG = LoggerFactory.getLogger(ParentCacheStore.class);

    /**
     * Caches already hashed in this process, by path, with the file's identity when it was hashed.
     * Hashing an 896 MiB cache costs about a second at every PreCommit1; a file whose inode, size and
     * modification time are unchanged since it verified is the same file, so it is hashed once per
     * process (rust-fil-proofs, by default, never re-hashes a cache it loads). Only files last written
     * well before they were hashed are remembered: modification times tick coarsely, and a write in the
     * same tick as the hash must not pass for the verified content.
     */
    private static final Map<Path, VerifiedFile> VERIFIED = new ConcurrentHashMap<>();

    private record VerifiedFile(Object fileKey, long size, FileTime modified, String digest) {
        static VerifiedFile of(Path file, String digest) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new VerifiedFile(a.fileKey(), a.size(), a.lastModifiedTime(), digest);
        }

        boolean sameFileAs(Path file) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return java.util.Objects.equals(fileKey, a.fileKey()) && size == a.size()
                && modified.equals(a.lastModifiedTime());
        }
    }
    /** 65536 nodes = 3.5 MiB per chunk buffer. */
    private static final int CHUNK_NODES = 1 << 16;
    private static final int READ_BUFFER = 1 << 20;

    private final Path dir;
    private final SdrKernels kernels;
    private final int threads;

    public ParentCacheStore(Path dir, SdrKernels kernels) {
        this(dir, kernels, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public ParentCacheStore(Path dir, SdrKernels kernels, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("parent cache generation needs at least one thread, got " + threads);
        }
        this.dir = dir;
        this.kernels = kernels;
        this.threads = threads;
    }

    public ParentCache open(RegisteredSealProof proof) {
        return open(proof.graph());
    }

    /** The verified cache of {@code graph}, generated first when needed. */
    public synchronized ParentCache open(SdrGraph graph) {
        Path file = fileOf(graph);
        Optional<String> expected = expectedDigest(graph, file);
        Verdict verdict = verify(graph, file, expected);
        if (verdict.ok()) {
            return new ParentCache(graph, file, verdict.digest());
        }
        if (Files.exists(file)) {
            LOG.warn("parent cache {} {}; rebuilding it", file, verdict.reason());
        }
        String digest = generate(graph, file);
        Optional<String> published = KnownParentCaches.digest(ParentCacheId.of(graph));
        if (published.isPresent() && !published.get().equals(digest)) {
            throw new ParentCacheException(file, "generated with sha256 " + digest + " but rust-fil-proofs publishes "
                    + published.get() + " for this graph; the " + kernels.name() + " kernels are broken", null);
        }
        return new ParentCache(graph, file, digest);
    }

    public Path fileOf(SdrGraph graph) {
        return dir.resolve(ParentCacheId.of(graph) + CACHE_SUFFIX);
    }

    public Path digestFileOf(SdrGraph graph) {
        return dir.resolve(ParentCacheId.of(graph) + DIGEST_SUFFIX);
    }

    private record Verdict(boolean ok, String digest, String reason) {
        static Verdict bad(String reason) {
            return new Verdict(false, null, reason);
        }
    }

    /** The published digest of a known graph, else the side-car's content, else none. */
    private Optional<String> expectedDigest(SdrGraph graph, Path file) {
        Optional<String> known = KnownParentCaches.digest(ParentCacheId.of(graph));
        if (known.isPresent()) {
            return known;
        }
        Path sidecar = digestFileOf(graph);
        try {
            return Files.exists(sidecar) ? Optional.of(Files.readString(sidecar).trim()) : Optional.empty();
        } catch (IOException e) {
            LOG.warn("parent cache digest {} unreadable ({}); the cache {} will be rebuilt", sidecar, e.getMessage(), file);
            return Optional.empty();
        }
    }

    private Verdict verify(SdrGraph graph, Path file, Optional<String> expected) {
        if (!Files.exists(file)) {
            return Verdict.bad("does not exist");
        }
        try {
            long size = Files.size(file);
            if (size != graph.parentCacheBytes()) {
                return Verdict.bad("is " + size + " bytes, expected " + graph.parentCacheBytes() + " (truncated?)");
            }
            if (expected.isEmpty()) {
                return Verdict.bad("has no digest beside it (" + digestFileOf(graph).getFileName() + ")");
            }
            Path key = file.toAbsolutePath();
            VerifiedFile seen = VERIFIED.get(key);
            if (seen != null && seen.digest().equals(expected.get()) && seen.sameFileAs(file)) {
                return new Verdict(true, seen.digest(), null);
            }
            String actual = sha256Of(file);
            if (!actual.equals(expected.get())) {
                VERIFIED.remove(key);
                return Verdict.bad("has sha256 " + actual + ", expected " + expected.get() + " (corrupt)");
            }
            VerifiedFile verified = VerifiedFile.of(file, actual);
            if (verified.modified().toInstant().isBefore(java.time.Instant.now().minusSeconds(2))) {
                VERIFIED.put(key, verified);
            }
            return new Verdict(true, actual, null);
        } catch (IOException e) {
            return Verdict.bad("cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest sha = ParentCacheId.sha256();
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                sha.update(buffer.flip());
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String generate(SdrGraph graph, Path file) {
        long started = System.nanoTime();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            String digest = writeChunks(graph, tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            writeDigest(graph, digest);
            LOG.info("parent cache {} generated for {} nodes with the {} kernels in {} ms (sha256 {})", file,
                    graph.nodes(), kernels.name(), (System.nanoTime() - started) / 1_000_000, digest);
            return digest;
        } catch (IOException e) {
            throw new ParentCacheException(file, "cannot be written (" + e.getMessage() + "); check that "
                    + dir + " is a writable directory with " + graph.parentCacheBytes() + " bytes free", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParentCacheException(file, "generation interrupted", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Computes chunks on {@code threads} threads and writes them in order while hashing them. */
    private String writeChunks(SdrGraph graph, Path tmp) throws IOException, InterruptedException {
        MessageDigest sha = ParentCacheId.sha256();
        ByteBuffer[] buffers = new ByteBuffer[threads];
        for (int i = 0; i < threads; i++) {
            buffers[i] = ByteBuffer.allocateDirect(CHUNK_NODES * SdrGraph.PARENTS_BYTES);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parent-cache");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long first = 0; first < graph.nodes(); first += (long) CHUNK_NODES * threads) {
                List<Future<ByteBuffer>> batch = new ArrayList<>(threads);
                for (int slot = 0; slot < threads; slot++) {
                    long chunkFirst = first + (long) slot * CHUNK_NODES;
                    if (chunkFirst >= graph.nodes()) {
                        break;
                    }
                    int count = (int) Math.min(CHUNK_NODES, graph.nodes() - chunkFirst);
                    ByteBuffer buffer = buffers[slot];
                    batch.add(pool.submit(() -> {
                        kernels.parents(graph, chunkFirst, count, buffer.clear());
                        return buffer.limit(count * SdrGraph.PARENTS_BYTES);
                    }));
                }
                for (Future<ByteBuffer> chunk : batch) {
                    ByteBuffer data = await(chunk);
                    sha.update(data.duplicate());
                    while (data.hasRemaining()) {
                        out.write(data);
                    }
                }
            }
            out.force(true);
        } finally {
            pool.shutdownNow();
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static ByteBuffer await(Future<ByteBuffer> chunk) throws InterruptedException {
        try {
            return chunk.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("parent generation failed", e.getCause());
        }
    }

    private void writeDigest(SdrGraph graph, String digest) throws IOException {
        Path sidecar = digestFileOf(graph);
        Path tmp = Files.createTempFile(dir, sidecar.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, digest + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("cannot delete temporary file {}: {}", path, e.getMessage());
        }
    }
}

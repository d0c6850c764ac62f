package dev.granary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.node.Home;
import dev.granary.proofs.ApiVersion;
import dev.granary.proofs.ParentCacheStore;
import dev.granary.proofs.PoStProofs;
import dev.granary.proofs.PreCommit1Output;
import dev.granary.proofs.ProvableSector;
import dev.granary.proofs.RegisteredSealProof;
import dev.granary.proofs.SealCommitments;
import dev.granary.proofs.SealKernels;
import dev.granary.proofs.SealProofs;
import dev.granary.proofs.SealVerifyInfo;
import dev.granary.proofs.SectorCheck;
import dev.granary.proofs.SectorMaintenance;
import dev.granary.proofs.WindowPoStResult;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.tree.SectorTrees;
import dev.granary.proofs.vanilla.VanillaPoRepProof;
import dev.granary.units.ByteSize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `granary bench seal`: seals one sector through the filecoin-ffi-shaped API (PreCommit1,
 * PreCommit2, Commit1, Commit2, VerifySeal, FinalizeSector, CheckSector, WindowPoSt) and prints each
 * phase's time and the process' memory after it, the label rate, and the single-stream SHA-256
 * compression rate of this machine measured in the same run.
 */
@Command(name = "seal", mixinStandardHelpOptions = true,
        description = "Seal, prove and verify one sector; print phase times, memory and the label rate.")
public final class BenchSealCommand implements Callable<Integer> {

    /** A label hashes 64 + 37 * 32 bytes: 20 SHA-256 blocks with the padding (node 0: 2). */
    static final int COMPRESSIONS_PER_LABEL = 20;
    static final double LABEL_RATE_GOAL = 0.8;
    private static final long MINER = 1000;
    private static final int CHUNK = 1 << 20;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "8MiB",
            description = "Sector size: 2KiB, 8MiB or 512MiB (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--proof", paramLabel = "VERSION", defaultValue = "V1_1",
            description = "Seal proof version V1 or V1_1 (default: ${DEFAULT-VALUE}).")
    String version;

    @Option(names = "--kernels", paramLabel = "KIND", defaultValue = "best",
            description = "native, java or best (default: ${DEFAULT-VALUE}).")
    String kernels;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Work directory for the sector files (default: a temporary directory, removed afterwards).")
    Path dir;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home whose cache/parents holds the parent caches (default: $GRANARY_HOME, else ~/.granary).")
    Path home;

    @Option(names = "--sha-seconds", paramLabel = "S", defaultValue = "1",
            description = "Seconds to measure the SHA-256 compression rate (default: ${DEFAULT-VALUE}).")
    double shaSeconds;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        RegisteredSealProof proof;
        SealKernels chosen;
        try {
            proof = RegisteredSealProof.of(size, ApiVersion.parse(version));
            chosen = kernels(kernels);
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("granary bench seal: " + e.getMessage());
            return 2;
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("granary-bench-seal") : Files.createDirectories(dir);
        try {
            return run(proof, chosen, work);
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private int run(RegisteredSealProof proof, SealKernels k, Path work) throws IOException {
        out.printf(Locale.ROOT, "Seal benchmark: %s (%s), %s kernels (%s), %d cores, work dir %s%n", proof.label(),
                proof.name(), k.name(), k.hashing().detail(), Runtime.getRuntime().availableProcessors(), work);
        double shaCompressions = ShaRate.measure(k.hashing(), shaSeconds).compressionsPerSecond();
        out.printf(Locale.ROOT, "single-stream SHA-256 (%s): %.2f M compressions/s%n%n", k.hashing().detail(),
                shaCompressions / 1e6);
        out.printf(Locale.ROOT, "%-40s %8s %11s %9s %10s%n", "phase", "seconds", "peak RSS", "heap", "direct");
        out.flush();

        ParentCacheStore store = new ParentCacheStore(Home.resolve(home).root().resolve("cache").resolve("parents"),
                k.sdr());
        SealProofs seal = new SealProofs(k, store);
        SectorRef sector = new SectorRef(MINER, 1);
        SectorFiles files = SectorFiles.in(work, sector).createDirectories();
        byte[] ticket = bytes32(1);
        byte[] seed = bytes32(2);

        phase("parent cache (open/generate)", () -> store.open(proof));
        CommD.Piece piece = phase("write data + CommP", () -> writeData(k.hashing(), files.unsealed(), proof.sectorSize()));
        double treeD = seconds(() -> new SectorTrees(k.hashing()).buildTreeD(files.unsealed(), proof.sectorSize(),
                Files.createDirectories(work.resolve("tree-d-alone"))));
        row("tree_d alone", treeD);
        long pc1Start = System.nanoTime();
        PreCommit1Output pc1 = phase("PreCommit1 (tree_d + labels)",
                () -> seal.preCommit1(proof, files, sector, ticket, List.of(piece)));
        double labelSeconds = (System.nanoTime() - pc1Start) / 1e9 - treeD;
        SealCommitments comms = phase("PreCommit2 (tree_c, encode, tree_r_last)", () -> seal.preCommit2(pc1, files));
        VanillaPoRepProof c1 = phase("Commit1", () -> seal.commit1(proof, files, sector, ticket, seed, comms));
        byte[] c2 = phase("Commit2", () -> SealProofs.commit2(c1));
        boolean verified = phase("VerifySeal (pure Java)", () -> SealProofs.verifySeal(
                new SealVerifyInfo(proof, sector, comms.commD(), comms.commR(), ticket, seed, c2)));
        SectorMaintenance maintenance = new SectorMaintenance(k, store);
        phase("FinalizeSector", () -> {
            maintenance.finalizeSector(proof, files.cacheDir());
            return null;
        });
        ProvableSector provable = new ProvableSector(proof, sector.number(), comms.commR(), files.sealed(), files.cacheDir());
        phase("CheckSector", () -> {
            new SectorCheck(k.hashing()).check(provable);
            return null;
        });
        WindowPoStResult post = phase("WindowPoSt generate (1 sector)",
                () -> new PoStProofs(k.hashing()).generateWindowPoSt(seed, MINER, List.of(provable)));
        boolean postOk = phase("WindowPoSt verify", () -> PoStProofs.verifyWindowPoSt(seed, MINER, post.proven(),
                post.partitionProofs()));

        long labels = proof.nodes() * proof.layers();
        double labelCompressions = labels * COMPRESSIONS_PER_LABEL / labelSeconds;
        out.printf(Locale.ROOT, "%nCommD %s%nCommR %s%n", comms.commD(), comms.commR());
        out.printf(Locale.ROOT, "proof: %d bytes; VerifySeal %s; WindowPoSt %s; kept cache after finalize: %s%n",
                c2.length, verified, postOk, ByteSize.format(SectorMaintenance.cacheBytes(files.cacheDir())));
        out.printf(Locale.ROOT, "labels: %d in %.2f s = %.2f M labels/s, %.1f MB/s of layer, %.2f M compressions/s%n",
                labels, labelSeconds, labels / labelSeconds / 1e6, labels * 32 / labelSeconds / 1e6, labelCompressions / 1e6);
        out.printf(Locale.ROOT, "label compressions/s / SHA-256 compressions/s = %.3f (goal >= %.1f; small sectors are all overhead)%n",
                labelCompressions / shaCompressions, LABEL_RATE_GOAL);
        out.printf(Locale.ROOT, "peak RSS (VmHWM) of the run: %s MiB%n", BenchMemory.mib(BenchMemory.now().peakRssBytes()));
        out.flush();
        return verified && postOk && post.skipped().isEmpty() ? 0 : 1;
    }

    /** Runs one phase and prints its time and the memory after it. */
    private <T> T phase(String name, IoSupplier<T> body) throws IOException {
        long start = System.nanoTime();
        T result = body.get();
        row(name, (System.nanoTime() - start) / 1e9);
        return result;
    }

    private double seconds(IoSupplier<?> body) throws IOException {
        long start = System.nanoTime();
        body.get();
        return (System.nanoTime() - start) / 1e9;
    }

    private void row(String name, double seconds) {
        BenchMemory m = BenchMemory.now();
        out.printf(Locale.ROOT, "%-40s %8.3f %7s MiB %5s MiB %6s MiB%n", name, seconds, BenchMemory.mib(m.peakRssBytes()),
                BenchMemory.mib(m.heapBytes()), BenchMemory.mib(m.directBytes()));
        out.flush();
    }

    /** Random field-element data streamed to {@code file}; the one piece that fills it, with its CommP. */
    static CommD.Piece writeData(Kernels kernels, Path file, long sectorSize) throws IOException {
        SplittableRandom random = new SplittableRandom(sectorSize);
        ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, sectorSize));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ)) {
            for (long done = 0; done < sectorSize; done += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    chunk.putLong(random.nextLong());
                }
                for (int i = 31; i < chunk.capacity(); i += 32) {
                    chunk.put(i, (byte) (chunk.get(i) & 0x3f));
                }
                ch.write(chunk.flip(), done);
            }
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, sectorSize);
            return new CommD.Piece(sectorSize, kernels.merkleRoot(mapped));
        }
    }

    static SealKernels kernels(String kind) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "native" -> SealKernels.nativeKernels();
            case "java" -> SealKernels.java();
            case "best" -> SealKernels.best();
            default -> throw new IllegalArgumentException("--kernels must be native, java or best, not '" + kind + "'");
        };
    }

    static byte[] bytes32(long seed) {
        byte[] b = new byte[32];
        new SplittableRandom(seed).nextBytes(b);
        b[31] &= 0x3f;
        return b;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A phase body that may do I/O. */
    @FunctionalInterface
    interface IoSupplier<T> {
        T get() throws IOException;
    }
}

package dev.granary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

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
import dev.granary.proofs.SectorMaintenance;
import dev.granary.proofs.WindowPoStResult;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `granary bench post`: seals and finalizes a few sectors, then times WindowPoSt generation (per
 * sector: open the trimmed tree_r_last, rebuild the discarded rows around each challenged leaf
 * from the sealed file, build the paths) and its pure-Java verification.
 */
@Command(name = "post", mixinStandardHelpOptions = true,
        description = "Time WindowPoSt proving per sector over finalized sectors.")
public final class BenchPostCommand implements Callable<Integer> {

    private static final long MINER = 1000;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "8MiB",
            description = "Sector size: 2KiB, 8MiB or 512MiB (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--sectors", paramLabel = "N", defaultValue = "4",
            description = "Sectors to seal and prove (default: ${DEFAULT-VALUE}).")
    int sectors;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "5",
            description = "WindowPoSt runs to time after a warm-up (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--kernels", paramLabel = "KIND", defaultValue = "best",
            description = "native, java or best (default: ${DEFAULT-VALUE}).")
    String kernels;

    @Option(names = "--home", paramLabel = "DIR",
            description = "Home whose cache/parents holds the parent caches (default: $GRANARY_HOME, else ~/.granary).")
    Path home;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RegisteredSealProof proof;
        SealKernels k;
        try {
            proof = RegisteredSealProof.of(size, ApiVersion.V1_1);
            k = BenchSealCommand.kernels(kernels);
            if (sectors < 1 || rounds < 1) {
                throw new IllegalArgumentException("--sectors and --rounds must be at least 1");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            spec.commandLine().getErr().println("granary bench post: " + e.getMessage());
            return 2;
        }
        Path work = Files.createTempDirectory("granary-bench-post");
        try {
            List<ProvableSector> provable = sealAndFinalize(proof, k, work, out);
            return measure(proof, k, provable, out);
        } finally {
            BenchSealCommand.deleteTree(work);
        }
    }

    private List<ProvableSector> sealAndFinalize(RegisteredSealProof proof, SealKernels k, Path work, PrintWriter out)
            throws IOException {
        ParentCacheStore store = new ParentCacheStore(Home.resolve(home).root().resolve("cache").resolve("parents"),
                k.sdr());
        SealProofs seal = new SealProofs(k, store);
        SectorMaintenance maintenance = new SectorMaintenance(k, store);
        long start = System.nanoTime();
        List<ProvableSector> provable = new ArrayList<>();
        for (int n = 1; n <= sectors; n++) {
            SectorRef sector = new SectorRef(MINER, n);
            SectorFiles files = SectorFiles.in(work, sector).createDirectories();
            CommD.Piece piece = BenchSealCommand.writeData(k.hashing(), files.unsealed(), proof.sectorSize());
            PreCommit1Output pc1 = seal.preCommit1(proof, files, sector, BenchSealCommand.bytes32(n), List.of(piece));
            SealCommitments comms = seal.preCommit2(pc1, files);
            maintenance.finalizeSector(proof, files.cacheDir());
            provable.add(new ProvableSector(proof, n, comms.commR(), files.sealed(), files.cacheDir()));
        }
        out.printf(Locale.ROOT, "PoSt benchmark: %d sectors of %s sealed and finalized in %.1f s (%s kernels)%n", sectors,
                proof.label(), (System.nanoTime() - start) / 1e9, k.name());
        out.flush();
        return provable;
    }

    private int measure(RegisteredSealProof proof, SealKernels k, List<ProvableSector> provable, PrintWriter out) {
        PoStProofs post = new PoStProofs(k.hashing());
        byte[] randomness = BenchSealCommand.bytes32(99);
        WindowPoStResult result = post.generateWindowPoSt(randomness, MINER, provable);
        long generate = 0;
        long verify = 0;
        boolean ok = result.skipped().isEmpty();
        for (int r = 0; r < rounds; r++) {
            byte[] rand = BenchSealCommand.bytes32(100 + r);
            long start = System.nanoTime();
            result = post.generateWindowPoSt(rand, MINER, provable);
            generate += System.nanoTime() - start;
            start = System.nanoTime();
            ok &= PoStProofs.verifyWindowPoSt(rand, MINER, result.proven(), result.partitionProofs());
            verify += System.nanoTime() - start;
        }
        double perSectorGenerate = generate / 1e6 / rounds / sectors;
        double perSectorVerify = verify / 1e6 / rounds / sectors;
        int proofBytes = result.partitionProofs().stream().mapToInt(b -> b.length).sum();
        out.printf(Locale.ROOT, "WindowPoSt generate: %.2f ms per sector (%d sectors, %d partitions, %d rounds)%n",
                perSectorGenerate, sectors, result.partitionProofs().size(), rounds);
        out.printf(Locale.ROOT, "WindowPoSt verify (pure Java): %.2f ms per sector; proof %d bytes; all verified: %s%n",
                perSectorVerify, proofBytes, ok);
        out.flush();
        return ok ? 0 : 1;
    }
}

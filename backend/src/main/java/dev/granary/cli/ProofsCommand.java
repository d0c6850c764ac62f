package dev.granary.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.node.Home;
import dev.granary.proofs.ApiVersion;
import dev.granary.proofs.ParentCache;
import dev.granary.proofs.ParentCacheException;
import dev.granary.proofs.ParentCacheStore;
import dev.granary.proofs.RegisteredSealProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** `granary proofs ...`: the sealing and proving kernels, run locally. */
@Command(name = "proofs", mixinStandardHelpOptions = true,
        description = "Sealing and proving kernels (stacked DRG) on this machine.",
        subcommands = {ProofsCommand.ParentCacheCommand.class})
public final class ProofsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * `granary proofs parent-cache`: opens (verifying, or generating once) the parent cache of a
     * registered seal proof under {@code <home>/cache/parents} and prints its sha256.
     */
    @Command(name = "parent-cache", mixinStandardHelpOptions = true,
            description = "Generate or verify the stacked-DRG parent cache of a seal proof and print its sha256.")
    public static final class ParentCacheCommand implements Callable<Integer> {

        @Option(names = "--sector-size", required = true, paramLabel = "SIZE",
                description = "2KiB, 8MiB, 512MiB, 32GiB or 64GiB.")
        String sectorSize;

        @Option(names = "--proof", defaultValue = "V1_1", paramLabel = "VERSION",
                description = "Seal proof version: V1 or V1_1 (default: ${DEFAULT-VALUE}).")
        String proof;

        @Option(names = "--home", paramLabel = "DIR",
                description = "Home directory (default: $GRANARY_HOME, else ~/.granary); the cache lives in cache/parents.")
        Path home;

        @Option(names = "--json", description = "Print one line of JSON: proof, sectorSize, nodes, sha256, path.")
        boolean json;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            RegisteredSealProof sealProof;
            try {
                sealProof = RegisteredSealProof.of(sectorSize, ApiVersion.parse(proof));
            } catch (IllegalArgumentException e) {
                err.println("granary proofs parent-cache: " + e.getMessage());
                return 2;
            }
            Path dir = Home.resolve(home).root().resolve("cache").resolve("parents");
            ParentCache cache;
            try {
                cache = new ParentCacheStore(dir, SdrKernels.best()).open(sealProof);
            } catch (ParentCacheException e) {
                err.println("granary proofs parent-cache: " + e.getMessage());
                return 1;
            }
            print(sealProof, cache, spec.commandLine().getOut());
            return 0;
        }

        private void print(RegisteredSealProof sealProof, ParentCache cache, PrintWriter out) {
            if (json) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("proof", sealProof.name());
                fields.put("sectorSize", sealProof.sectorSize());
                fields.put("nodes", cache.nodes());
                fields.put("sha256", cache.sha256Hex());
                fields.put("path", cache.file().toString());
                out.println(JsonMapper.shared().writeValueAsString(fields));
            } else {
                out.println("proof:   " + sealProof.name() + " (" + sealProof.label() + ", id " + sealProof.id() + ")");
                out.println("nodes:   " + cache.nodes());
                out.println("sha256:  " + cache.sha256Hex());
                out.println("path:    " + cache.file());
            }
            out.flush();
        }
    }
}

package dev.granary.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.granary.address.Address;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.GenesisActors;
import dev.granary.chain.genesis.Genesis;
import dev.granary.chain.vm.ApplyResult;
import dev.granary.chain.vm.BlockExecution;
import dev.granary.chain.vm.TipSetExecution;
import dev.granary.chain.vm.TipSetOutcome;
import dev.granary.chain.vm.Vm;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `granary bench chain`: signed transfers applied per second by the VM — signature check, nonce and
 * balance checks, execution, fees, reward and cron, one state commit per tipset in a real RocksDB —
 * set against the raw secp256k1 verification rate of the same messages measured in the same run. The
 * goal is that validation and execution add at most half again to the signature checks
 * (ratio ≥ 0.67).
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
    description = "Benchmark applying signed messages (with verification) against raw signature verification.")
public final class BenchChainCommand implements Callable<Integer> {

    static final double GOAL_RATIO = 1 / 1.5;

    @Option(names = "--messages", paramLabel = "N", defaultValue = "4000",
        description = "Signed transfers per measured run (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--per-block", paramLabel = "N", defaultValue = "500",
        description = "Messages per tipset (default: ${DEFAULT-VALUE}).")
    int perBlock;

    @Option(names = "--senders", paramLabel = "N", defaultValue = "64",
        description = "Distinct funded accounts sending (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where the benchmark's RocksDB goes (default: a temporary directory, removed afterwards).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("granary-bench-chain");
        try (KvStore kv = KvStore.open(root.resolve("rocksdb"))) {
            List<PrivateKey> keys = keys(senders);
            PrivateKey producer = PrivateKey.generate(KeyType.BLS, new SecureRandom());
            Map<Address, TokenAmount> allocations = new LinkedHashMap<>();
            keys.forEach(k -> allocations.put(k.address(), TokenAmount.ofFil(1_000_000)));
            allocations.put(producer.address(), TokenAmount.ZERO);
            Cid genesis = GenesisActors.create(kv, "bench", ChainPolicy.devnet(), allocations, TokenAmount.ofFil(1_000_000_000),
                Duration.ofSeconds(4));
            List<SignedMessage> signed = transfers(keys, messages);
            out.printf(Locale.ROOT, "Chain benchmark: %d signed secp256k1 transfers from %d senders, %d per tipset, "
                + "RocksDB in %s%n%n", signed.size(), keys.size(), perBlock, root);

            verifyAll(signed); // warm-up
            applyAll(kv, genesis, producer.address(), signed);
            long verifyNanos = time(() -> verifyAll(signed));
            long applyNanos = time(() -> applyAll(kv, genesis, producer.address(), signed));

            double verifyRate = signed.size() / (verifyNanos / 1e9);
            double applyRate = signed.size() / (applyNanos / 1e9);
            double ratio = applyRate / verifyRate;
            out.printf(Locale.ROOT, "  %-58s %,10.0f /s%n", "secp256k1 signature verification (raw)", verifyRate);
            out.printf(Locale.ROOT, "  %-58s %,10.0f /s%n", "messages applied (verify + checks + execute + commit)", applyRate);
            out.printf(Locale.ROOT, "%napplied / raw verification: x %.2f (validation and execution add %.0f%%; goal: "
                + "at most 50%%, ratio >= %.2f) %s%n", ratio, (1 / ratio - 1) * 100, GOAL_RATIO,
                ratio >= GOAL_RATIO ? "MET" : "NOT MET");
            out.flush();
        } finally {
            if (dir == null) {
                BenchSealCommand.deleteTree(root);
            }
        }
        return 0;
    }

    private static List<PrivateKey> keys(int n) {
        SecureRandom random = new SecureRandom();
        List<PrivateKey> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(PrivateKey.generate(KeyType.SECP256K1, random));
        }
        return keys;
    }

    /** Round-robin transfers between the funded accounts, each sender's nonces in order. */
    private static List<SignedMessage> transfers(List<PrivateKey> keys, int count) {
        List<SignedMessage> out = new ArrayList<>(count);
        long[] nonces = new long[keys.size()];
        for (int i = 0; i < count; i++) {
            int from = i % keys.size();
            PrivateKey key = keys.get(from);
            Address to = keys.get((from + 1) % keys.size()).address();
            Message m = new Message(0, to, key.address(), nonces[from]++, TokenAmount.ofAtto(1_000 + i), 1_000_000,
                TokenAmount.ofAtto(1_000_000_000L), TokenAmount.ofAtto(100_000), 0, new byte[0]);
            out.add(m.sign(key));
        }
        return out;
    }

    private static void verifyAll(List<SignedMessage> signed) {
        for (SignedMessage m : signed) {
            if (!m.signature().verify(m.message().from(), m.message().cid().bytes())) {
                throw new IllegalStateException("benchmark message " + m.cid() + " failed to verify");
            }
        }
    }

    /** Applies the messages as consecutive tipsets on the genesis state; every one must be applied. */
    private void applyAll(KvStore kv, Cid genesis, Address miner, List<SignedMessage> signed) {
        Cid root = genesis;
        long epoch = 1;
        for (int from = 0; from < signed.size(); from += perBlock) {
            List<SignedMessage> block = signed.subList(from, Math.min(from + perBlock, signed.size()));
            TipSetOutcome outcome = Vm.applyTipSet(kv, root, new TipSetExecution(epoch - 1, epoch, Genesis.INITIAL_BASE_FEE,
                List.of(new BlockExecution(miner, 1, block))));
            for (ApplyResult result : outcome.results()) {
                if (!(result instanceof ApplyResult.Applied)) {
                    throw new IllegalStateException("benchmark message was not applied: " + result);
                }
            }
            root = outcome.stateRoot();
            epoch++;
        }
    }

    private static long time(Runnable run) {
        long start = System.nanoTime();
        run.run();
        return System.nanoTime() - start;
    }
}

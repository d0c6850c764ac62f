package dev.granary.cli;

import dev.granary.node.ConfigFile;
import dev.granary.node.HomeLock;
import dev.granary.node.Node;
import dev.granary.node.NodeOptions;
import dev.granary.wallet.WalletService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/** `granary run`: starts a node and serves until SIGTERM or SIGINT, then stops it in order and exits 0. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Start a node: dashboard at /, REST at /api/v1, Prometheus at /metrics.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR",
        description = "Home directory (default: $GRANARY_HOME, else ~/.granary).")
    Path home;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
        description = "Address to serve on (default: server.listen in config.toml, 127.0.0.1:8080).")
    String listen;

    @Option(names = "--import-snapshot", paramLabel = "FILE",
        description = "Start the chain from this CARv1 snapshot (from `granary chain export`) instead of a new genesis."
            + " The home must not have a chain yet.")
    Path importSnapshot;

    @Option(names = "--wallet-passphrase-file", paramLabel = "FILE",
        description = {"Unlock the wallet store at start with the first line of FILE (keep it chmod 600).",
            "Without it: $GRANARY_WALLET_PASSPHRASE, else wallet.passphrase-file in config.toml, else a prompt",
            "when there is a terminal, else the store starts locked (unlock it in the dashboard or by REST)."})
    Path walletPassphraseFile;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopRequested = new CountDownLatch(1);
        // Handling TERM ourselves (instead of relying on shutdown hooks) lets the node stop in order
        // and the process exit 0, which service managers read as a clean stop.
        Signal.handle(new Signal("TERM"), s -> stopRequested.countDown());
        Signal.handle(new Signal("INT"), s -> stopRequested.countDown());
        Node node;
        try {
            NodeOptions options = NodeOptions.forCommandLine(home, listen);
            if (walletPassphraseFile != null) {
                options = options.withWalletPassphrase(WalletService.passphraseFromFile(walletPassphraseFile));
            }
            node = Node.start(importSnapshot == null ? options : options.withImportSnapshot(importSnapshot));
        } catch (HomeLock.HomeLockedException | ConfigFile.ConfigException | IllegalStateException
                 | java.io.UncheckedIOException e) {
            System.err.println("granary run: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "granary-shutdown"));
        if (System.console() != null) {
            WalletStartPrompt.unlock(node, WalletLockCommands.CONSOLE, System.err);
        }
        stopRequested.await();
        node.stop();
        return 0;
    }
}

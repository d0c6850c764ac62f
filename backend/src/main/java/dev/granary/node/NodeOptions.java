package dev.granary.node;

import dev.granary.http.WebUi;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * How to start a node: the command line's choices (home, listen) and, for tests, the clock and
 * the dashboard implementation.
 *
 * @param listen overrides server.listen from config.toml when set
 * @param webUi the dashboard; empty runs headless
 * @param walletPassphrase unlocks the wallet store at start (from a prompt or a test); when empty the
 *                         node looks at GRANARY_WALLET_PASSPHRASE and wallet.passphrase-file, else starts locked
 */
public record NodeOptions(Path home, String listen, Optional<WebUi> webUi, Clock clock, Optional<Path> importSnapshot,
                          Optional<String> walletPassphrase) {

    public NodeOptions(Path home, String listen, Optional<WebUi> webUi, Clock clock) {
        this(home, listen, webUi, clock, Optional.empty(), Optional.empty());
    }

    /** Starts from the chain snapshot (CARv1) at {@code file} instead of a new genesis; the home must have no chain. */
    public NodeOptions withImportSnapshot(Path file) {
        return new NodeOptions(home, listen, webUi, clock, Optional.of(file), walletPassphrase);
    }

    public NodeOptions withWalletPassphrase(String passphrase) {
        return new NodeOptions(home, listen, webUi, clock, importSnapshot, Optional.of(passphrase));
    }

    /** Never print the passphrase. */
    @Override
    public String toString() {
        return "NodeOptions[home=" + home + ", listen=" + listen + ", importSnapshot=" + importSnapshot
            + ", walletPassphrase=" + (walletPassphrase.isPresent() ? "***" : "none") + "]";
    }

    /** What `granary run` uses: the dashboard found on the class path, wall-clock time. */
    public static NodeOptions forCommandLine(Path home, String listen) {
        return new NodeOptions(home, listen, discoverWebUi(), Clock.systemUTC());
    }

    public static NodeOptions headless(Path home, String listen) {
        return new NodeOptions(home, listen, Optional.empty(), Clock.systemUTC());
    }

    public NodeOptions withWebUi(WebUi ui) {
        return new NodeOptions(home, listen, Optional.of(ui), clock, importSnapshot, walletPassphrase);
    }

    public static Optional<WebUi> discoverWebUi() {
        return ServiceLoader.load(WebUi.class).findFirst();
    }
}

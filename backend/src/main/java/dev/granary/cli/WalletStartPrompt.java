package dev.granary.cli;

import dev.granary.auth.Actor;
import dev.granary.node.Node;
import dev.granary.wallet.LockState;
import java.io.PrintStream;

/**
 * `granary run` at a terminal with no passphrase configured: asks for it once the node is up (twice
 * when the store is new, so a typo cannot become the passphrase). A wrong one may be retried; giving
 * up leaves the node running with the store locked.
 */
final class WalletStartPrompt {

    static final int ATTEMPTS = 3;

    private WalletStartPrompt() {}

    static void unlock(Node node, PasswordPrompt prompt, PrintStream err) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            LockState state = node.wallets().lockState();
            if (state == LockState.UNLOCKED) {
                return;
            }
            try {
                String passphrase = WalletLockCommands.typed(prompt, state == LockState.NEW);
                node.wallets().unlock(Actor.system(), passphrase);
                err.println(state == LockState.NEW ? "wallet store passphrase set; the store is unlocked"
                    : "wallet store unlocked");
                return;
            } catch (CliFailure | IllegalArgumentException e) {
                err.println("granary run: " + e.getMessage());
            }
        }
        err.println("granary run: the wallet store stays locked; unlock it in the dashboard (Wallets), with "
            + "`granary wallet unlock`, or POST /api/v1/wallets/unlock");
    }
}

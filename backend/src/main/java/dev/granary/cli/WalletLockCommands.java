package dev.granary.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Command;

/** `granary wallet unlock|lock`: the store's lock on a running node (admin). */
final class WalletLockCommands {

    /** Scripts may set it; it is read here exactly as `granary run` reads it. */
    static final String ENV = "GRANARY_WALLET_PASSPHRASE";

    /** The terminal, with a hint that fits the wallet when there is none. */
    static final PasswordPrompt CONSOLE = prompt -> {
        java.io.Console console = System.console();
        if (console == null) {
            throw new CliFailure("no terminal to ask for the wallet passphrase: set " + ENV + " instead");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new CliFailure("no passphrase given (end of input)");
        }
        return typed;
    };

    private WalletLockCommands() {}

    @Command(name = "unlock", mixinStandardHelpOptions = true,
        description = {"Unlock the node's wallet store so it can sign. The passphrase is read from " + ENV,
            "or typed (twice when the store is new: that first unlock chooses the passphrase). Admin only."})
    static final class Unlock extends WalletCommand.WalletVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String state = text(api.get("reading the wallet lock state", "/v1/wallets/lock-state").json(), "lockState");
            String passphrase = passphrase(wallet, "new".equals(state));
            ApiClient.Answer answer = api.post("unlocking the wallet store", "/v1/wallets/unlock",
                Map.of("passphrase", passphrase));
            out.println(json ? answer.body() : "new".equals(state) ? "wallet store passphrase set; the store is unlocked"
                : "wallet store unlocked");
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
        description = "Lock the node's wallet store: it forgets the key until unlocked again; balances still show. Admin only.")
    static final class Lock extends WalletCommand.WalletVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.post("locking the wallet store", "/v1/wallets/lock", Map.of());
            out.println(json ? answer.body() : "wallet store locked");
        }
    }

    /** From the environment, else typed; a new store's passphrase is typed twice so a typo cannot lock it for good. */
    static String passphrase(WalletCommand wallet, boolean choosing) {
        String fromEnv = wallet.environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        return typed(wallet.passwordPrompt, choosing);
    }

    static String typed(PasswordPrompt prompt, boolean choosing) {
        char[] first = prompt.read(choosing ? "Choose the wallet passphrase: " : "Wallet passphrase: ");
        char[] again = choosing ? prompt.read("Type it again: ") : first;
        try {
            if (first.length == 0) {
                throw new CliFailure("the passphrase is empty; nothing was changed");
            }
            if (!Arrays.equals(first, again)) {
                throw new CliFailure("the two passphrases differ; nothing was changed");
            }
            return new String(first);
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(again, '\0');
        }
    }
}

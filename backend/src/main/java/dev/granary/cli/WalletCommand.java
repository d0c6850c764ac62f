package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `granary wallet`: the node's wallet store, like `lotus wallet`, through the REST API. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
    description = {"Keys in the node's encrypted wallet store: list with balances, create, import and export in Lotus'",
        "formats, set the default, send FIL, sign and verify, label, delete, lock and unlock.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {WalletCommand.ListWallets.class, WalletCommand.New.class, WalletCommand.Balance.class,
        WalletCommand.Default.class, WalletCommand.SetDefault.class, WalletCommand.Label.class,
        WalletKeyCommands.Import.class, WalletKeyCommands.Export.class, WalletKeyCommands.Delete.class,
        WalletSignCommands.Sign.class, WalletSignCommands.Verify.class, WalletSignCommands.Signatures.class,
        WalletLockCommands.Unlock.class, WalletLockCommands.Lock.class, WalletSendCommand.class})
public final class WalletCommand extends ApiGroup {

    /** Tests replace these (and the environment): typed passphrases and standard input without a terminal. */
    PasswordPrompt passwordPrompt = WalletLockCommands.CONSOLE;
    InputStream stdin = System.in;

    /** What every `wallet` verb shares: the parent's prompt and input. */
    abstract static class WalletVerb extends ApiCommand {
        @ParentCommand
        WalletCommand wallet;

        static String path(Address address) {
            return "/v1/wallets/" + ApiClient.segment(address.toString());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the store's keys with balance, nonce and default flag, as `lotus wallet list`.")
    static final class ListWallets extends WalletVerb {
        @Option(names = {"-a", "--addr-only"}, description = "Print only the addresses.")
        boolean addressesOnly;

        @Option(names = {"-i", "--id"}, description = "Add each address' f0 ID.")
        boolean id;

        @Option(names = {"-m", "--market"}, description = "Add the storage-market escrow (available and locked).")
        boolean market;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("listing wallets", "/v1/wallets");
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode body = answer.json();
            if (addressesOnly) {
                body.get("wallets").forEach(w -> out.println(text(w, "address")));
                return;
            }
            print(body, out);
        }

        private void print(JsonNode body, PrintWriter out) {
            List<String> headers = new ArrayList<>(List.of("Address"));
            if (id) {
                headers.add("ID");
            }
            headers.addAll(List.of("Balance", "Nonce"));
            if (market) {
                headers.addAll(List.of("Market(Avail)", "Market(Locked)"));
            }
            headers.addAll(List.of("Default", "Label"));
            TextTable table = new TextTable(headers.toArray(String[]::new));
            for (JsonNode w : body.get("wallets")) {
                List<Object> row = new ArrayList<>(List.of(text(w, "address")));
                if (id) {
                    row.add(text(w, "idAddress"));
                }
                row.add(text(w, "balance"));
                row.add(w.get("nonce").asLong());
                if (market) {
                    row.add(text(w.get("market"), "available"));
                    row.add(text(w.get("market"), "locked"));
                }
                row.add(w.get("default").asBoolean() ? "X" : "");
                row.add(text(w, "label"));
                table.row(row.toArray());
            }
            table.print(out);
            if (!"unlocked".equals(text(body, "lockState"))) {
                out.println("(the wallet store is " + text(body, "lockState") + ": balances show, signing needs `granary wallet unlock`)");
            }
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a key in the store and print its address, as `lotus wallet new` (default: secp256k1).")
    static final class New extends WalletVerb {
        @Parameters(index = "0", arity = "0..1", paramLabel = "TYPE", defaultValue = "secp256k1",
            description = "secp256k1 or bls (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = "--label", paramLabel = "TEXT", description = "A label for the key (e.g. \"worker\").")
        String label;

        @Override
        void checkUsage() {
            if (!type.equals("secp256k1") && !type.equals("bls")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown key type '" + type
                    + "': use secp256k1 or bls");
            }
        }

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("label", label == null ? "" : label);
            ApiClient.Answer answer = api.post("creating a " + type + " key", "/v1/wallets", body);
            out.println(json ? answer.body() : text(answer.json(), "address"));
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true,
        description = "Print an address' balance (default: the default address), as `lotus wallet balance`.")
    static final class Balance extends WalletVerb {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Address which = address != null ? address : defaultAddress(api);
            String atto = "0"; // an address with no actor yet has nothing, as Lotus' WalletBalance says
            try {
                atto = text(api.get("reading the balance of " + which, "/v1/chain/actors/" + ApiClient.segment(which.toString()))
                    .json(), "balance");
            } catch (ApiClient.NodeRefusedException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
            String fil = TokenAmount.ofAtto(new BigInteger(atto)).toString();
            if (json) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("address", which.toString());
                body.put("balance", fil);
                body.put("balanceAttoFil", atto);
                out.println(JsonMapper.shared().writeValueAsString(body));
            } else {
                out.println(fil);
            }
        }
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Print the default address, as `lotus wallet default`.")
    static final class Default extends WalletVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            out.println(defaultAddress(api));
        }
    }

    @Command(name = "set-default", mixinStandardHelpOptions = true,
        description = "Make an address in the store the default, as `lotus wallet set-default`.")
    static final class SetDefault extends WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.post("setting the default address to " + address, path(address) + "/default", Map.of());
            if (json) {
                out.println(answer.body());
            }
        }
    }

    @Command(name = "label", mixinStandardHelpOptions = true, description = "Set (or, with \"\", clear) a key's label.")
    static final class Label extends WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.patch("labelling " + address, path(address), Map.of("label", label));
            if (json) {
                out.println(answer.body());
            }
        }
    }

    static Address defaultAddress(ApiClient api) {
        String address = ApiCommand.text(api.get("reading the default address", "/v1/wallets").json(), "default");
        if (address == null) {
            throw new CliFailure("the wallet store has no default address: `granary wallet set-default ADDRESS` chooses one");
        }
        return Address.parse(address);
    }
}

package dev.granary.cli;

import dev.granary.address.Address;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** `granary wallet sign|verify|signatures`: signing with the store's keys, as `lotus wallet sign|verify`. */
final class WalletSignCommands {

    private WalletSignCommands() {}

    @Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign hex bytes with a key in the store and print the signature as `lotus wallet sign` does:",
            "hex of the type byte (01 secp256k1, 02 BLS) followed by the signature. Needs the sign permission."})
    static final class Sign extends WalletCommand.WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Parameters(index = "1", paramLabel = "HEX", description = "The bytes to sign, hex.")
        String hex;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "granary wallet sign",
            description = "Why: kept in the node's signature record (default: ${DEFAULT-VALUE}).")
        String reason;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", hex.strip());
            body.put("reason", reason);
            ApiClient.Answer answer = api.post("signing with " + address, path(address) + "/sign", body);
            out.println(json ? answer.body() : text(answer.json(), "lotusHex"));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check a signature as `lotus wallet verify`: prints valid (exit 0) or invalid (exit 1).",
            "SIGNATURE is in the form `wallet sign` prints."})
    static final class Verify extends WalletCommand.WalletVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class)
        Address address;

        @Parameters(index = "1", paramLabel = "HEX", description = "The signed bytes, hex.")
        String hex;

        @Parameters(index = "2", paramLabel = "SIGNATURE", description = "Type byte and signature, hex.")
        String signature;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("address", address.toString());
            body.put("data", hex.strip());
            body.put("signature", signature.strip());
            ApiClient.Answer answer = api.post("verifying a signature of " + address, "/v1/wallets/verify", body);
            boolean valid = answer.json().path("valid").asBoolean();
            out.println(json ? answer.body() : valid ? "valid" : "invalid");
            if (!valid) {
                throw new CliFailure("the signature is not valid for " + address);
            }
        }
    }

    @Command(name = "signatures", mixinStandardHelpOptions = true,
        description = "The node's record of every signature it made, newest first.")
    static final class Signatures extends WalletCommand.WalletVerb {
        @Option(names = "--address", paramLabel = "ADDRESS", converter = MpoolSendCommand.AddressText.class,
            description = "Only this key's signatures.")
        Address address;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N rows (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String query = "?limit=" + limit + (address == null ? "" : "&address=" + ApiClient.segment(address.toString()));
            ApiClient.Answer answer = api.get("reading the signature record", "/v1/wallets/signatures" + query);
            if (json) {
                out.println(answer.body());
                return;
            }
            TextTable table = new TextTable("TIME", "ADDRESS", "MESSAGE", "REASON", "ACTOR");
            for (JsonNode r : answer.json().get("items")) {
                table.row(instant(r, "at"), text(r, "address"), text(r, "messageCid"), text(r, "reason"), text(r, "actor"));
            }
            table.print(out);
        }
    }
}

package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * `granary wallet send`: FIL from a key in the node's wallet, signed and sent by the node's message
 * service (nonce without gaps, gas estimate, replacement when stuck), like `lotus send`: prints the CID.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = {"Send FIL from a key in the node's wallet (default: the wallet's default address), as `lotus send`.",
        "Prints the message's CID. With --idempotency-key, running the same command again sends nothing and",
        "prints the first message's CID."})
final class WalletSendCommand extends WalletCommand.WalletVerb {

    @Parameters(index = "0", paramLabel = "TO", converter = MpoolSendCommand.AddressText.class,
        description = "The recipient, e.g. f1... or f01234.")
    Address to;

    @Parameters(index = "1", paramLabel = "AMOUNT", converter = MpoolSendCommand.AmountText.class,
        description = "How much: 1.5 (FIL), 1.5 FIL, 250 nanoFIL.")
    TokenAmount amount;

    @Option(names = "--from", paramLabel = "ADDR", converter = MpoolSendCommand.AddressText.class,
        description = "Send from this wallet address (default: the wallet's default).")
    Address from;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
        description = "A key of your choosing: a retry with the same key (and the same content) sends nothing new.")
    String idempotencyKey;

    @Option(names = "--max-fee", paramLabel = "FIL", converter = MpoolSendCommand.AmountText.class,
        description = "Cap on fee cap × gas limit, for this message and its replacements (default: messages.max-fee).")
    TokenAmount maxFee;

    @Option(names = "--wait", description = "Wait until the message is confirmed (or failed) and print its state.")
    boolean waitForIt;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = AuthCommand.DurationText.class,
        description = "With --wait: give up after this long (default: ${DEFAULT-VALUE}); the message keeps going.")
    String timeout;

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to.toString());
        body.put("value", amount.attoFil().toString());
        if (from != null) {
            body.put("from", from.toString());
        }
        if (maxFee != null) {
            body.put("maxFee", maxFee.attoFil().toString());
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            body.put("idempotencyKey", idempotencyKey);
        }
        ApiClient.Answer answer = api.post("sending " + amount + " to " + to, "/v1/messages", body);
        JsonNode sent = answer.json();
        MessagesCommand.failUnlessConfirmed(sent);
        if (!waitForIt) {
            out.println(json ? answer.body() : MessagesCommand.cid(sent, "cid"));
            return;
        }
        JsonNode done = MessagesCommand.waitFor(api, Long.toString(sent.path("id").asLong()), timeout);
        if (json) {
            out.println(done.toString());
        } else {
            out.println(MessagesCommand.cid(done, "cid"));
            MessagesCommand.print(done, out);
        }
        MessagesCommand.failUnlessConfirmed(done);
    }
}

package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * `granary mpool replace`, as `lotus mpool replace`: re-sign a pending message of this node with a
 * higher premium (--auto: raised by the node's replace factor, fee cap re-estimated; or explicit
 * --gas-premium/--gas-feecap in attoFIL per gas unit), capped by --max-fee. The message is named by
 * FROM NONCE or by its CID.
 */
@Command(name = "replace", mixinStandardHelpOptions = true,
    description = {"Replace a pending message sent by this node by fee, as `lotus mpool replace`:",
        "  granary mpool replace --auto f1abc... 12",
        "  granary mpool replace --gas-premium 250000 bafy2bzace...",
        "Prints the new message CID."})
final class MpoolReplaceCommand extends ApiCommand {

    @Parameters(arity = "1..2", paramLabel = "FROM NONCE | MESSAGE_CID",
        description = "The sender and nonce of the pending message, or its CID.")
    List<String> target;

    @Option(names = "--auto", description = "Raise the premium by the node's replace factor and re-estimate the fee cap.")
    boolean auto;

    @Option(names = "--gas-premium", paramLabel = "ATTO", description = "New gas premium, attoFIL per gas unit.")
    BigInteger gasPremium;

    @Option(names = "--gas-feecap", paramLabel = "ATTO", description = "New gas fee cap, attoFIL per gas unit.")
    BigInteger gasFeeCap;

    @Option(names = {"--max-fee", "--fee-limit"}, paramLabel = "FIL", converter = MpoolSendCommand.AmountText.class,
        description = "Spend at most this on fee cap × gas limit (default: the message's max fee).")
    TokenAmount maxFee;

    @Override
    void checkUsage() {
        if (!auto && gasPremium == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --auto, or --gas-premium (and --gas-feecap)");
        }
        if (auto && (gasPremium != null || gasFeeCap != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--auto chooses the premium and fee cap itself; leave out --gas-premium and --gas-feecap");
        }
        if (target.size() == 2) {
            new MpoolSendCommand.AddressText().convert(target.get(0));
            if (!target.get(1).strip().matches("\\d{1,19}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "NONCE '" + target.get(1) + "' is not a number");
            }
        } else {
            try {
                Cid.parse(target.get(0).strip());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "'" + target.get(0)
                    + "' is not a message CID; give FROM NONCE or the message's CID");
            }
        }
    }

    @Override
    void run(ApiClient api, PrintWriter out, PrintWriter err) {
        String id = target.size() == 1 ? target.get(0).strip() : idOf(api, target.get(0).strip(),
            Long.parseLong(target.get(1).strip()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auto", auto);
        if (gasPremium != null) {
            body.put("gasPremium", gasPremium.toString());
        }
        if (gasFeeCap != null) {
            body.put("gasFeeCap", gasFeeCap.toString());
        }
        if (maxFee != null) {
            body.put("maxFee", maxFee.attoFil().toString());
        }
        body.put("reason", "granary mpool replace");
        ApiClient.Answer answer = api.post("replacing message " + id, "/v1/messages/" + ApiClient.segment(id) + "/replace",
            body);
        out.println(json ? answer.body() : "new message cid: " + MessagesCommand.cid(answer.json(), "cid"));
    }

    /** The pending message of {@code from} with {@code nonce}, among what the node sent. */
    private static String idOf(ApiClient api, String from, long nonce) {
        Address sender = new MpoolSendCommand.AddressText().convert(from);
        JsonNode page = api.get("finding the pending message of " + from + " with nonce " + nonce,
            "/v1/messages?state=pushed&limit=500&from=" + ApiClient.segment(sender.toString())).json();
        for (JsonNode m : page.path("messages")) {
            if (m.path("nonce").asLong() == nonce) {
                return Long.toString(m.path("id").asLong());
            }
        }
        throw new CliFailure("no pending message from " + from + " with nonce " + nonce
            + " was sent by this node (granary messages list --state pushed shows them)");
    }
}

package dev.granary.cli;

import dev.granary.fil.TokenAmount;
import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** `granary messages`: what the node's message service sent, its state and replacements, through the REST API. */
@Command(name = "messages", mixinStandardHelpOptions = true,
    description = {"Messages this node signed and sent: list them, show one with its replacements, wait for one.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {MessagesCommand.ListMessages.class, MessagesCommand.Status.class, MessagesCommand.Wait.class})
public final class MessagesCommand extends ApiGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List sent messages, newest first.")
    static final class ListMessages extends ApiCommand {
        @Option(names = "--from", paramLabel = "ADDR", description = "Only messages from this address.")
        String from;

        @Option(names = "--state", paramLabel = "STATE",
            description = "Only messages in this state: recorded, pushed, executed, confirmed, failed, rejected.")
        String state;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            StringBuilder path = new StringBuilder("/v1/messages?limit=").append(limit);
            if (from != null) {
                path.append("&from=").append(ApiClient.segment(from));
            }
            if (state != null) {
                path.append("&state=").append(ApiClient.segment(state.toLowerCase(Locale.ROOT)));
            }
            ApiClient.Answer answer = api.get("listing messages", path.toString());
            if (json) {
                out.println(answer.body());
                return;
            }
            TextTable table = new TextTable("ID", "STATE", "FROM", "NONCE", "TO", "VALUE", "PURPOSE", "REPLACED", "CID");
            for (JsonNode m : answer.json().path("messages")) {
                table.row(m.path("id").asLong(), ApiCommand.text(m, "state"), ApiCommand.text(m, "from"), m.path("nonce").asLong(),
                    ApiCommand.text(m, "to"), fil(ApiCommand.text(m, "value")), ApiCommand.text(m, "purpose"), m.path("replacements").asInt(), cid(m, "cid"));
            }
            table.print(out);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show one message (by id or CID) with its receipt and replacements.")
    static final class Status extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The message's id, or any CID it was pushed under.")
        String id;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("reading message " + id, "/v1/messages/" + ApiClient.segment(id.strip()));
            ApiClient.Answer replacements = api.get("reading the replacements of message " + id,
                "/v1/messages/" + ApiClient.segment(id.strip()) + "/replacements");
            if (json) {
                out.println(answer.body());
                return;
            }
            print(answer.json(), out);
            for (JsonNode r : replacements.json()) {
                out.println("Replaced:    at epoch " + r.path("epoch").asLong() + " by " + ApiCommand.text(r, "actor") + ": "
                    + cid(r, "oldCid") + " -> " + cid(r, "newCid") + ", premium " + ApiCommand.text(r, "oldPremium") + " -> "
                    + ApiCommand.text(r, "newPremium") + ", fee cap " + ApiCommand.text(r, "oldFeeCap") + " -> " + ApiCommand.text(r, "newFeeCap")
                    + " attoFIL (" + ApiCommand.text(r, "reason") + ")");
            }
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until a message is confirmed, failed or rejected; exit 1 unless confirmed.")
    static final class Wait extends ApiCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The message's id, or any CID it was pushed under.")
        String id;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "60s",
            converter = AuthCommand.DurationText.class, description = "Give up after this long (default: ${DEFAULT-VALUE}); the message keeps going.")
        String timeout;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            JsonNode m = waitFor(api, id.strip(), timeout);
            if (json) {
                out.println(m.toString());
            } else {
                print(m, out);
            }
            failUnlessConfirmed(m);
        }
    }

    /**
     * The node's own wait for a final state, asked in chunks that a single HTTP request (60 s at most)
     * outlives, until {@code timeout} has passed.
     */
    static JsonNode waitFor(ApiClient api, String id, String timeout) {
        Duration total = Durations.parse(timeout);
        Instant deadline = Instant.now().plus(total);
        while (true) {
            long seconds = Duration.between(Instant.now(), deadline).toSeconds();
            if (seconds <= 0) {
                throw new CliFailure("waiting for message " + id + ": not final within " + Durations.format(total)
                    + "; it keeps going: granary messages wait " + id);
            }
            try {
                return api.post("waiting for message " + id, "/v1/messages/" + ApiClient.segment(id) + "/wait?timeout="
                    + Math.min(seconds, WAIT_CHUNK_SECONDS) + "s", null).json();
            } catch (ApiClient.NodeRefusedException e) {
                if (!WAIT_TIMEOUT_TYPE.equals(e.problemType())) {
                    throw e;
                }
            }
        }
    }

    private static final long WAIT_CHUNK_SECONDS = 25;
    private static final String WAIT_TIMEOUT_TYPE = "urn:granary:problem:message-wait-timeout";

    static void failUnlessConfirmed(JsonNode m) {
        String state = ApiCommand.text(m, "state");
        if ("failed".equals(state)) {
            throw new CliFailure("message " + m.path("id").asLong() + " failed on chain: " + ApiCommand.text(m, "error"));
        }
        if ("rejected".equals(state)) {
            throw new CliFailure("message " + m.path("id").asLong() + " was refused by the message pool: " + ApiCommand.text(m, "error"));
        }
    }

    static void print(JsonNode m, PrintWriter out) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"ID", Long.toString(m.path("id").asLong())});
        fields.add(new String[] {"State", ApiCommand.text(m, "state")});
        fields.add(new String[] {"CID", cid(m, "cid")});
        fields.add(new String[] {"From", ApiCommand.text(m, "from") + " (nonce " + m.path("nonce").asLong() + ")"});
        fields.add(new String[] {"To", ApiCommand.text(m, "to") + " (method " + m.path("method").asLong() + ")"});
        fields.add(new String[] {"Value", fil(ApiCommand.text(m, "value"))});
        fields.add(new String[] {"Purpose", ApiCommand.text(m, "purpose")});
        fields.add(new String[] {"Gas", "limit " + m.path("gasLimit").asLong() + ", fee cap " + ApiCommand.text(m, "gasFeeCap")
            + ", premium " + ApiCommand.text(m, "gasPremium") + " attoFIL"});
        fields.add(new String[] {"Sent by", ApiCommand.text(m, "createdBy") + " at " + ApiCommand.instant(m, "createdAt")});
        if (!m.path("pushedEpoch").isNull()) {
            fields.add(new String[] {"Pushed at", "epoch " + m.path("pushedEpoch").asLong()});
        }
        if (!m.path("exitCode").isNull()) {
            fields.add(new String[] {"Executed", "epoch " + m.path("executedEpoch").asLong() + " as " + cid(m, "executedCid")
                + ": exit code " + m.path("exitCode").asLong() + ", gas used " + m.path("gasUsed").asLong()});
        }
        fields.add(new String[] {"Replacements", Integer.toString(m.path("replacements").asInt())});
        String error = ApiCommand.text(m, "error");
        if (error != null && !error.isEmpty()) {
            fields.add(new String[] {"Note", error});
        }
        for (String[] f : fields) {
            out.printf("%-13s%s%n", f[0] + ":", f[1]);
        }
    }

    static String cid(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isObject() ? v.path("/").asString() : v.isNull() || v.isMissingNode() ? null : v.asString();
    }

    static String fil(String atto) {
        return atto == null ? null : TokenAmount.ofAtto(new BigInteger(atto)).toString();
    }
}

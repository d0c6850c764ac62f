package dev.granary.cli;

import dev.granary.fil.FilUnit;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import dev.granary.units.Durations;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** `granary chain`: the node's chain, like `lotus chain` and `lotus state wait-msg`, through the REST API. */
@Command(name = "chain", mixinStandardHelpOptions = true,
    description = {"Inspect the node's chain, export it, wait for messages, advance a manual clock, create miners.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {ChainCommand.Head.class, ChainCommand.Status.class, ChainCommand.Export.class,
        ChainCommand.GetBlock.class, ChainCommand.GetMessage.class, ChainCommand.Wait.class, ChainCommand.Advance.class,
        CreateMinerCommand.class})
public final class ChainCommand extends ApiGroup {

    /** A CID argument, checked before anything is sent. */
    static final class CidText implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Cid.parse(value.strip()).toString();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a CID: " + e.getMessage());
            }
        }
    }

    @Command(name = "head", mixinStandardHelpOptions = true, description = "Print the head tipset's block CIDs, one a line.")
    static final class Head extends ApiCommand {
        @Option(names = "--height", description = "Print only the head's height.")
        boolean height;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("getting the chain head", "/v1/chain/head");
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode head = answer.json();
            if (height) {
                out.println(head.get("Height").asLong());
                return;
            }
            head.get("Cids").forEach(c -> out.println(c.get("/").asString()));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
        description = "Network, clock, head, base fee, production, pool size and the recent block times.")
    static final class Status extends ApiCommand {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("getting the chain status", "/v1/chain/status");
            if (json) {
                out.println(answer.body());
                return;
            }
            printStatus(answer.json(), out);
        }
    }

    static void printStatus(JsonNode s, PrintWriter out) {
        JsonNode head = s.get("head");
        int blocks = head.get("blocks").asInt();
        line(out, "Network:", s.get("networkName").asString() + " (policy " + s.get("policy").asString() + ")");
        line(out, "Clock:", s.get("clock").asString() + ", epoch " + s.get("currentEpoch").asLong() + ", block delay "
            + Durations.format(Duration.ofMillis(Math.round(s.get("blockDelaySeconds").asDouble() * 1000))));
        line(out, "Head:", "height " + head.get("height").asLong() + " at " + head.get("timestamp").asString() + ", "
            + blocks + (blocks == 1 ? " block" : " blocks"));
        head.get("cids").forEach(c -> line(out, "", c.get("/").asString()));
        line(out, "Base fee:", fil(s.get("baseFee")));
        line(out, "Producing:", s.get("producing").asBoolean() ? "yes" : "no");
        line(out, "Pending:", s.get("mpoolSize").asInt() + " messages");
        out.println();
        TextTable recent = new TextTable("HEIGHT", "TIME", "BLOCKS", "SINCE PARENT", "NULL ROUNDS");
        for (JsonNode t : s.get("recentBlockTimes")) {
            JsonNode since = t.get("secondsSinceParent");
            recent.row(t.get("height").asLong(), t.get("timestamp").asString(), t.get("blocks").asInt(),
                since == null || since.isNull() ? null : since.asLong() + "s", t.get("nullRoundsBefore").asLong());
        }
        recent.print(out);
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-11s%s", label, value));
    }

    /** An attoFIL string as Lotus prints FIL amounts: "0.0000000000000001 FIL". */
    static String fil(JsonNode attoFil) {
        return TokenAmount.ofAtto(new BigInteger(attoFil.asString())).format(FilUnit.FIL);
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Download a CARv1 snapshot: the head's headers back to genesis and the head's state.",
            "A new node starts from it with `granary run --import-snapshot FILE`."})
    static final class Export extends ApiCommand {
        @Option(names = "--out", paramLabel = "FILE|DIR",
            description = "Where to write it: a file, or a directory for the node's name for it, NETWORK-HEIGHT.car"
                + " (default: that name, here).")
        Path file;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            CarDownload.Result result = CarDownload.export(api, Optional.ofNullable(file));
            if (json) {
                out.println(JsonMapper.shared().writeValueAsString(Map.of("file", result.file().toString(),
                    "bytes", result.bytes())));
                return;
            }
            out.println("exported " + result.bytes() + " bytes to " + result.file());
        }
    }

    @Command(name = "get-block", aliases = "getblock", mixinStandardHelpOptions = true,
        description = {"Print a block header with its messages and its parent's receipts, as `lotus chain get-block`."})
    static final class GetBlock extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CID", converter = CidText.class)
        String cid;

        @Option(names = "--raw", description = "Print only the block header.")
        boolean raw;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String path = "/v1/chain/blocks/" + ApiClient.segment(cid);
            ApiClient.Answer header = api.get("getting block " + cid, path);
            if (raw) {
                out.println(json ? header.body() : GoJson.indent(header.json()));
                return;
            }
            ObjectNode block = (ObjectNode) header.json();
            JsonNode messages = api.get("getting the messages of block " + cid, path + "/messages").json();
            block.set("BlsMessages", messages.get("BlsMessages"));
            block.set("SecpkMessages", messages.get("SecpkMessages"));
            block.set("ParentReceipts", api.get("getting the parent receipts of block " + cid, path + "/parent-receipts").json());
            out.println(json ? block.toString() : GoJson.indent(block));
        }
    }

    @Command(name = "get-message", aliases = {"getmessage", "get-msg"}, mixinStandardHelpOptions = true,
        description = "Print a message (on chain or pending), as `lotus chain getmessage`.")
    static final class GetMessage extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CID", converter = CidText.class)
        String cid;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("getting message " + cid, "/v1/chain/messages/" + ApiClient.segment(cid));
            out.println(json ? answer.body() : GoJson.indent(answer.json()));
        }
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
        description = {"Wait until a message has executed and print where, with its receipt, as `lotus state wait-msg`."})
    static final class Wait extends ApiCommand {
        @Parameters(index = "0", paramLabel = "CID", converter = CidText.class)
        String cid;

        @Option(names = "--confidence", paramLabel = "N", defaultValue = "0",
            description = "Tipsets that must be built on the receipt's tipset first (default: ${DEFAULT-VALUE}).")
        long confidence;

        @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = AuthCommand.DurationText.class,
            description = "Give up after this long (default: ${DEFAULT-VALUE}).")
        String timeout;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = new MessageFlow(api).waitFor(cid, confidence, Durations.parse(timeout));
            if (json) {
                out.println(answer.body());
                return;
            }
            MessageFlow.printLookup(answer.json(), out);
        }
    }

    @Command(name = "advance", mixinStandardHelpOptions = true,
        description = {"Move a manual chain clock forward N epochs, producing each epoch's block (admin).",
            "Only for a node with chain.clock = \"manual\"."})
    static final class Advance extends ApiCommand {
        @Parameters(index = "0", paramLabel = "N", description = "Epochs to advance, 1 to 10000.")
        long epochs;

        @Override
        void checkUsage() {
            if (epochs < 1 || epochs > 10_000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "N must be from 1 to 10000, got " + epochs);
            }
        }

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.post("advancing the chain clock by " + epochs + " epochs", "/v1/chain/clock/advance",
                Map.of("epochs", epochs));
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode s = answer.json();
            JsonNode head = s.get("head");
            out.println("advanced to epoch " + s.get("currentEpoch").asLong() + "; head at height " + head.get("height").asLong()
                + ": " + head.get("cids").get(0).get("/").asString() + (head.get("cids").size() > 1 ? " ..." : ""));
        }
    }
}

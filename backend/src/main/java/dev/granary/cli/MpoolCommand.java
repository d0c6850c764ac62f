package dev.granary.cli;

import dev.granary.lotusjson.LotusJson;
import dev.granary.message.SignedMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `granary mpool`: the node's message pool, like `lotus mpool`, through the REST API. */
@Command(name = "mpool", mixinStandardHelpOptions = true,
    description = {"List pending messages, push signed ones, send FIL signed with a local key file.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {MpoolCommand.Pending.class, MpoolCommand.Push.class, MpoolSendCommand.class,
        MpoolReplaceCommand.class})
public final class MpoolCommand extends ApiGroup {

    @Command(name = "pending", mixinStandardHelpOptions = true,
        description = "Print every pending message as Lotus JSON, as `lotus mpool pending`.")
    static final class Pending extends ApiCommand {
        @Option(names = "--cids", description = "Print only the messages' CIDs.")
        boolean cids;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("listing pending messages", "/v1/mpool/pending");
            if (json) {
                out.println(answer.body());
                return;
            }
            for (JsonNode message : answer.json()) {
                out.println(cids ? message.get("CID").get("/").asString() : GoJson.indent(message));
            }
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Push a message someone already signed: a file holding a SignedMessage in Lotus JSON",
            "({\"Message\": {...}, \"Signature\": {\"Type\": 1, \"Data\": \"...\"}}). Prints its CID."})
    static final class Push extends ApiCommand {
        private static final JsonMapper JSON = JsonMapper.shared();

        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            SignedMessage message = read(file);
            MessageFlow flow = new MessageFlow(api);
            JsonNode answer = flow.push(message);
            out.println(json ? answer.toString() : MessageFlow.cid(answer));
        }

        /** Checked here first, so a typo in the file is reported with its field before the node is asked. */
        static SignedMessage read(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliFailure("reading " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
            }
            try {
                return LotusJson.signedMessage(JSON.readTree(text), "SignedMessage");
            } catch (JacksonException e) {
                throw new CliFailure("reading " + file + ": not valid JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new CliFailure("reading " + file + ": not a signed message in Lotus JSON: " + e.getMessage());
            }
        }
    }
}

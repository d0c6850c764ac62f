package dev.granary.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;

/** `granary watermarks`: balance bands the node keeps addresses in by topping them up from a funding address. */
@Command(name = "watermarks", mixinStandardHelpOptions = true,
    description = {"List, set and remove balance watermarks: below LOW the node sends HIGH - balance from FUNDING",
        "(at most once per wallet.top-up-interval) and raises an alert when it cannot.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>."},
    subcommands = {WatermarksCommand.ListWatermarks.class, WatermarksCommand.SetWatermark.class,
        WatermarksCommand.RemoveWatermark.class})
public final class WatermarksCommand extends ApiGroup {

    abstract static class WatermarkVerb extends ApiCommand {
        @ParentCommand
        WatermarksCommand parent;

        static String path(String address) {
            return "/v1/watermarks/" + ApiClient.segment(address);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every watermark with the address' balance.")
    static final class ListWatermarks extends WatermarkVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.get("listing watermarks", "/v1/watermarks");
            if (json) {
                out.println(answer.body());
                return;
            }
            TextTable table = new TextTable("ADDRESS", "BALANCE", "LOW", "HIGH", "FUNDING", "LAST TOP-UP", "LAST ERROR");
            for (JsonNode w : answer.json()) {
                table.row(text(w, "address"), text(w, "balance"), text(w, "low"), text(w, "high"), text(w, "funding"),
                    instant(w, "lastTopUp"), text(w, "lastError"));
            }
            table.print(out);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        description = "Set (or change) the watermark of ADDRESS; FUNDING's key must be in the node's wallet.")
    static final class SetWatermark extends WatermarkVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Option(names = "--low", required = true, paramLabel = "AMOUNT", description = "e.g. \"5 FIL\"")
        String low;

        @Option(names = "--high", required = true, paramLabel = "AMOUNT", description = "e.g. \"20 FIL\"")
        String high;

        @Option(names = "--funding", required = true, paramLabel = "ADDRESS", description = "Where top-ups come from.")
        String funding;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            ApiClient.Answer answer = api.put("setting the watermark of " + address, path(address),
                Map.of("low", low, "high", high, "funding", funding));
            JsonNode w = answer.json();
            out.println(json ? answer.body() : "watermark of " + text(w, "address") + ": below " + text(w, "low")
                + " top up to " + text(w, "high") + " from " + text(w, "funding") + " (balance now " + text(w, "balance") + ")");
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove the watermark of ADDRESS.")
    static final class RemoveWatermark extends WatermarkVerb {
        @Parameters(index = "0", paramLabel = "ADDRESS")
        String address;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            api.delete("removing the watermark of " + address, path(address));
            if (!json) {
                out.println("removed the watermark of " + address);
            }
        }
    }
}

package dev.granary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** `granary actor control`: list and set control addresses, and see or configure which address sends what. */
@Command(name = "control", mixinStandardHelpOptions = true, description = "Manage control addresses.",
    subcommands = {ActorControlCommand.ListControl.class, ActorControlCommand.SetControl.class,
        ActorControlCommand.Selection.class})
final class ActorControlCommand implements Runnable {

    /** The on-chain names among an entry's roles; the rest are uses. */
    private static final Set<String> USES = Set.of("PoSt", "PreCommit", "Commit", "Terminate", "DealPublish");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The ID address of the entry that has {@code role}, or null. */
    static String withRole(JsonNode control, String role) {
        for (JsonNode e : control.get("addresses")) {
            for (JsonNode r : e.get("roles")) {
                if (r.asString().equals(role)) {
                    return e.get("idAddress").asString();
                }
            }
        }
        return null;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
        description = "Show the owner, worker, beneficiary and control addresses with their uses and balances.")
    static final class ListControl extends ActorCommand.ActorVerb {
        @Option(names = "--verbose", description = "Print whole key addresses.")
        boolean verbose;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            ApiClient.Answer answer = api.get("reading the control addresses of " + miner, base(miner));
            if (json) {
                out.println(answer.body());
                return;
            }
            JsonNode control = answer.json();
            TextTable table = new TextTable("name", "ID", "key", "use", "balance", "in wallet");
            for (JsonNode e : control.get("addresses")) {
                List<String> names = new ArrayList<>();
                List<String> uses = new ArrayList<>();
                for (JsonNode r : e.get("roles")) {
                    String role = r.asString();
                    (USES.contains(role) ? uses : names).add(USES.contains(role) ? useName(role) : role);
                }
                table.row(String.join(",", names), e.get("idAddress").asString(), key(text(e, "keyAddress")),
                    String.join(" ", uses), text(e, "balance"), e.get("inWallet").asBoolean() ? "yes" : "no");
            }
            table.print(out);
            String pendingWorker = text(control, "pendingWorker");
            if (pendingWorker != null) {
                out.println("pending worker change to " + pendingWorker + " at height "
                    + control.get("pendingWorkerEffectiveAt").asLong() + " (head " + control.get("headEpoch").asLong() + ")");
            }
            String pendingOwner = text(control, "pendingOwner");
            if (pendingOwner != null) {
                out.println("pending owner change to " + pendingOwner + " (confirm from it with set-owner)");
            }
        }

        /** Lotus' use names: post, precommit, commit, terminate, deals. */
        private static String useName(String use) {
            return use.equals("DealPublish") ? "deals" : use.toLowerCase(Locale.ROOT);
        }

        private String key(String key) {
            if (key == null || verbose || key.length() <= 9) {
                return key;
            }
            return key.substring(0, 6) + "...";
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set the control addresses (ChangeWorkerAddress from the owner; the worker stays).",
            "Prints what it removes and adds; sends only with --really-do-it, then prints the message CID."})
    static final class SetControl extends ActorCommand.ActorVerb {
        @Parameters(paramLabel = "ADDRESS", arity = "0..*", description = "The new control addresses (none: clear them).")
        List<String> addresses = new ArrayList<>();

        @Option(names = "--really-do-it", description = "Actually send the message.")
        boolean reallyDoIt;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            JsonNode control = overview(api, miner);
            Map<String, String> existing = new LinkedHashMap<>();
            for (JsonNode e : control.get("addresses")) {
                for (JsonNode r : e.get("roles")) {
                    if (r.asString().startsWith("control-")) {
                        existing.put(e.get("idAddress").asString(), text(e, "keyAddress"));
                    }
                }
            }
            List<String> wanted = new ArrayList<>();
            for (String a : addresses) {
                wanted.add(idOf(api, a));
            }
            existing.forEach((id, key) -> {
                if (!wanted.contains(id)) {
                    out.println("Remove " + (key == null ? id : key));
                }
            });
            for (int i = 0; i < wanted.size(); i++) {
                if (!existing.containsKey(wanted.get(i))) {
                    out.println("Add " + addresses.get(i));
                }
            }
            if (!reallyDoIt) {
                throw new CliFailure(ActorCommand.REALLY);
            }
            JsonNode sent = api.put("setting the control addresses of " + miner, base(miner) + "/addresses",
                Map.of("addresses", addresses)).json();
            out.println(json ? sent.toString() : "Message CID: " + ActorCommand.cid(sent));
        }
    }

    @Command(name = "selection", mixinStandardHelpOptions = true,
        description = {"For every message type, the address that sends next and the verdict on each candidate",
            "(Lotus' AddressSelector); `selection set` changes the configuration."},
        subcommands = {ActorControlCommand.SetSelection.class})
    static final class Selection extends ActorCommand.ActorVerb {
        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            ApiClient.Answer answer = api.get("explaining the address selection of " + miner, base(miner) + "/selection");
            if (json) {
                out.println(answer.body());
                return;
            }
            print(answer.json(), out);
        }

        static void print(JsonNode answer, PrintWriter out) {
            JsonNode config = answer.get("config");
            out.println("DisableOwnerFallback: " + config.get("disableOwnerFallback").asBoolean()
                + ", DisableWorkerFallback: " + config.get("disableWorkerFallback").asBoolean());
            for (JsonNode choice : answer.get("explanation")) {
                String chosen = text(choice, "chosen");
                out.println();
                out.println(choice.get("use").asString() + ": " + (chosen == null ? "NONE" : chosen) + " (wants "
                    + text(choice, "goodFunds") + ", at least " + text(choice, "minFunds") + ")");
                out.println("  " + text(choice, "reason"));
                TextTable table = new TextTable("  source", "address", "key", "balance", "verdict");
                for (JsonNode c : choice.get("candidates")) {
                    table.row("  " + text(c, "source"), text(c, "address"), text(c, "keyAddress"), text(c, "balance"),
                        text(c, "verdict"));
                }
                table.print(out);
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Replace the sender configuration (Lotus [Addresses]): addresses per message type, tried in",
            "order, and the fallbacks. Options left out are cleared."})
    static final class SetSelection extends ActorCommand.ActorVerb {
        @CommandLine.ParentCommand
        Selection selection;

        @Option(names = "--pre-commit", paramLabel = "ADDRESS", description = "A PreCommit sender (repeat for more).")
        List<String> preCommit = new ArrayList<>();

        @Option(names = "--commit", paramLabel = "ADDRESS", description = "A Commit sender (repeat for more).")
        List<String> commit = new ArrayList<>();

        @Option(names = "--terminate", paramLabel = "ADDRESS", description = "A Terminate sender (repeat for more).")
        List<String> terminate = new ArrayList<>();

        @Option(names = "--deal-publish", paramLabel = "ADDRESS", description = "A PublishStorageDeals sender.")
        List<String> dealPublish = new ArrayList<>();

        @Option(names = "--disable-owner-fallback", description = "Never send from the owner.")
        boolean disableOwnerFallback;

        @Option(names = "--disable-worker-fallback",
            description = "Send from the worker only when nothing else is listed for the message type.")
        boolean disableWorkerFallback;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = actor != null ? actor.strip() : selection.actor != null ? selection.actor.strip() : miner(api);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("preCommitControl", preCommit);
            body.put("commitControl", commit);
            body.put("terminateControl", terminate);
            body.put("dealPublishControl", dealPublish);
            body.put("disableOwnerFallback", disableOwnerFallback);
            body.put("disableWorkerFallback", disableWorkerFallback);
            ApiClient.Answer answer = api.put("configuring the address selection of " + miner, base(miner) + "/selection",
                body);
            if (json) {
                out.println(answer.body());
                return;
            }
            Selection.print(answer.json(), out);
        }
    }
}

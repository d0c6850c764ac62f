package dev.granary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * `granary actor`: a miner's owner, worker and control addresses, as `lotus-miner actor`. Changes are
 * sent by the node (its wallet signs) and, like Lotus, happen only with --really-do-it; without it the
 * command prints what it would do and exits 1.
 */
@Command(name = "actor", mixinStandardHelpOptions = true,
    description = {"Manage a miner actor's control addresses, worker and owner, like lotus-miner actor.",
        "The node's address and your token come from " + ApiInfo.ENV + "=<token>:<url>.",
        "--actor may be left out when this node's wallet controls exactly one miner."},
    subcommands = {ActorControlCommand.class, ActorCommand.SetOwner.class, ActorCommand.ProposeChangeWorker.class,
        ActorCommand.ConfirmChangeWorker.class})
public final class ActorCommand extends ApiGroup {

    static final String REALLY = "Pass --really-do-it to actually execute this action";
    /** How long a command waits for its message to be confirmed before it gives up (the message keeps going). */
    static final String WAIT = "10m";

    /** What every verb shares: --actor. */
    abstract static class ActorVerb extends ApiCommand {
        @Option(names = "--actor", paramLabel = "MINER", description = "The miner (f0...); default: the one miner this"
            + " node's wallet controls.")
        String actor;

        /** --actor, or the only miner GET /v1/miners lists. */
        String miner(ApiClient api) {
            if (actor != null && !actor.isBlank()) {
                return actor.strip();
            }
            JsonNode miners = api.get("finding this node's miner", "/v1/miners").json();
            List<String> ids = new ArrayList<>();
            miners.forEach(m -> ids.add(m.get("miner").asString()));
            if (ids.size() == 1) {
                return ids.getFirst();
            }
            throw new CliFailure(ids.isEmpty()
                ? "no miner on chain has its owner, worker or a control address in this node's wallet; pass --actor"
                : "this node's wallet controls " + ids.size() + " miners (" + String.join(", ", ids) + "); pass --actor");
        }

        static String base(String miner) {
            return "/v1/miners/" + ApiClient.segment(miner) + "/control";
        }

        JsonNode overview(ApiClient api, String miner) {
            return api.get("reading the control addresses of " + miner, base(miner)).json();
        }

        /** The ID address of any address, through the chain's actor lookup. */
        static String idOf(ApiClient api, String address) {
            return api.get("looking up " + address, "/v1/chain/actors/" + ApiClient.segment(address)).json()
                .get("idAddress").asString();
        }
    }

    static boolean done(JsonNode message) {
        String state = message.get("state").asString();
        return state.equals("confirmed") || state.equals("failed") || state.equals("rejected");
    }

    static String cid(JsonNode message) {
        JsonNode cid = message.get("cid");
        return cid == null || cid.isNull() ? "-" : cid.get("/").asString();
    }

    /** POSTs with wait=true and follows the message to its end; a failed one is a CliFailure naming its exit code. */
    static JsonNode sendAndWait(ApiClient api, String action, String path, Map<String, Object> body, PrintWriter out,
                                String cidLabel) {
        Map<String, Object> waiting = new java.util.LinkedHashMap<>(body);
        waiting.put("wait", true);
        waiting.put("timeout", "50s");
        JsonNode sent = api.post(action, path, waiting).json();
        out.println(cidLabel + " " + cid(sent));
        out.flush();
        JsonNode done = done(sent) ? sent : MessagesCommand.waitFor(api, Long.toString(sent.get("id").asLong()), WAIT);
        if (!done.get("state").asString().equals("confirmed")) {
            throw new CliFailure(action + ": message " + done.get("id").asLong() + " " + done.get("state").asString()
                + (done.get("exitCode").isNull() ? "" : " with exit code " + done.get("exitCode").asLong()) + ": "
                + done.path("error").asString(""));
        }
        return done;
    }

    @Command(name = "set-owner", mixinStandardHelpOptions = true,
        description = {"Set the owner address. Run it twice, as Lotus: first with the old owner as SENDER (proposes"
            + " NEW_OWNER), then with the new owner as SENDER (confirms). Waits for each message."})
    static final class SetOwner extends ActorVerb {
        @CommandLine.Parameters(index = "0", paramLabel = "NEW_OWNER")
        String newOwner;

        @CommandLine.Parameters(index = "1", paramLabel = "SENDER", description = "The current owner or NEW_OWNER")
        String sender;

        @Option(names = "--really-do-it", description = "Actually send the message.")
        boolean reallyDoIt;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            JsonNode control = overview(api, miner);
            String newId = idOf(api, newOwner);
            String senderId = idOf(api, sender);
            String owner = ownerOf(control);
            boolean propose = senderId.equals(owner);
            if (!propose && !senderId.equals(newId)) {
                throw new CliFailure("SENDER " + sender + " must be the current owner " + owner + " (to propose) or the new"
                    + " owner " + newOwner + " (to confirm)");
            }
            if (!reallyDoIt) {
                out.println((propose ? "Would propose " + newId + " as the owner of " : "Would confirm " + newId
                    + " as the owner of ") + miner + ", sent by " + senderId);
                throw new CliFailure(REALLY);
            }
            String path = base(miner) + (propose ? "/owner" : "/owner/confirm");
            sendAndWait(api, propose ? "proposing the new owner" : "confirming the new owner", path,
                Map.of("newOwner", newOwner), out, "Message CID:");
            out.println("message succeeded!");
        }

        private static String ownerOf(JsonNode control) {
            String owner = ActorControlCommand.withRole(control, "owner");
            if (owner == null) {
                throw new CliFailure("the node's answer names no owner");
            }
            return owner;
        }
    }

    @Command(name = "propose-change-worker", mixinStandardHelpOptions = true,
        description = "Propose a worker address change (an account with a BLS key); waits for the message.")
    static final class ProposeChangeWorker extends ActorVerb {
        @CommandLine.Parameters(index = "0", paramLabel = "NEW_WORKER")
        String newWorker;

        @Option(names = "--really-do-it", description = "Actually send the message.")
        boolean reallyDoIt;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            String newId = idOf(api, newWorker);
            JsonNode control = overview(api, miner);
            String pending = text(control, "pendingWorker");
            if (pending == null && newId.equals(ActorControlCommand.withRole(control, "worker"))) {
                throw new CliFailure("worker address already set to " + newWorker);
            }
            if (newId.equals(pending)) {
                throw new CliFailure("change to worker address " + newWorker + " already pending");
            }
            if (!reallyDoIt) {
                out.println("Would propose " + newId + " as the worker of " + miner);
                throw new CliFailure(REALLY);
            }
            sendAndWait(api, "proposing the worker change", base(miner) + "/worker",
                Map.of("newWorker", newWorker), out, "Propose Message CID:");
            JsonNode after = overview(api, miner);
            if (!newId.equals(text(after, "pendingWorker"))) {
                throw new CliFailure("proposed worker address change not reflected on chain: expected " + newId + ", found "
                    + text(after, "pendingWorker"));
            }
            long at = after.get("pendingWorkerEffectiveAt").asLong();
            out.println("Worker key change to " + newWorker + " successfully sent, change happens at height " + at + ".");
            out.println("If you have no active deadlines, call 'confirm-change-worker' at or after height " + at
                + " to complete.");
        }
    }

    @Command(name = "confirm-change-worker", mixinStandardHelpOptions = true,
        description = "Confirm the pending worker address change once its height is reached; waits for the message.")
    static final class ConfirmChangeWorker extends ActorVerb {
        @CommandLine.Parameters(index = "0", paramLabel = "NEW_WORKER")
        String newWorker;

        @Option(names = "--really-do-it", description = "Actually send the message.")
        boolean reallyDoIt;

        @Override
        void run(ApiClient api, PrintWriter out, PrintWriter err) {
            String miner = miner(api);
            String newId = idOf(api, newWorker);
            JsonNode control = overview(api, miner);
            String pending = text(control, "pendingWorker");
            if (pending == null) {
                throw new CliFailure("no worker key change proposed");
            }
            if (!pending.equals(newId)) {
                throw new CliFailure("worker key " + newId + " does not match current worker key proposal " + pending);
            }
            long at = control.get("pendingWorkerEffectiveAt").asLong();
            long head = control.get("headEpoch").asLong();
            if (head < at) {
                throw new CliFailure("worker key change cannot be confirmed until " + at + ", current height is " + head);
            }
            if (!reallyDoIt) {
                out.println("Would confirm " + newId + " as the worker of " + miner);
                throw new CliFailure(REALLY);
            }
            sendAndWait(api, "confirming the worker change", base(miner) + "/worker/confirm",
                Map.of("newWorker", newWorker), out, "Confirm Message CID:");
            String worker = ActorControlCommand.withRole(overview(api, miner), "worker");
            if (!newId.equals(worker)) {
                throw new CliFailure("confirmed worker address change not reflected on chain: expected " + newId
                    + ", found " + worker);
            }
            out.println("Worker changed to " + newWorker + ".");
        }
    }
}

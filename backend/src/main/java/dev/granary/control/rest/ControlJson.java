package dev.granary.control.rest;

import dev.granary.address.Address;
import dev.granary.api.JsonSchema;
import dev.granary.control.AddressChoice;
import dev.granary.control.Candidate;
import dev.granary.control.ControlOverview;
import dev.granary.control.ControlledMiner;
import dev.granary.control.NewMiner;
import dev.granary.messages.rest.MessageJson;
import dev.granary.control.SelectionConfig;
import dev.granary.fil.TokenAmount;
import dev.granary.wallet.watermark.Watermark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON of control wallets and watermarks; amounts as "1.5 FIL" plus exact "...AttoFil", as the wallet routes. */
final class ControlJson {

    private ControlJson() {
    }

    /** A CreateMiner message and, once it executed successfully, the miner it created. */
    static Map<String, Object> newMiner(NewMiner n) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", MessageJson.message(n.message()));
        out.put("miner", n.miner().map(m -> {
            Map<String, Object> miner = new LinkedHashMap<>();
            miner.put("idAddress", m.idAddress().toString());
            miner.put("robustAddress", m.robustAddress().toString());
            return miner;
        }).orElse(null));
        return out;
    }

    static JsonSchema newMinerSchema() {
        return JsonSchema.object().prop("message", MessageJson.messageSchema())
            .prop("miner", JsonSchema.object().prop("idAddress", JsonSchema.string())
                .prop("robustAddress", JsonSchema.string())
                .description("The new miner (f0 and f2), decoded from the receipt; null until the message has executed,"
                    + " and when it failed"));
    }

    static Map<String, Object> overview(ControlOverview o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("miner", o.miner().toString());
        out.put("headEpoch", o.headEpoch());
        out.put("addresses", o.addresses().stream().map(ControlJson::entry).toList());
        out.put("pendingWorker", o.pendingWorker().map(Address::toString).orElse(null));
        out.put("pendingWorkerEffectiveAt", o.pendingWorkerEffectiveAt().isPresent() ? o.pendingWorkerEffectiveAt().getAsLong() : null);
        out.put("pendingOwner", o.pendingOwner().map(Address::toString).orElse(null));
        out.put("selection", selection(o.selection()));
        return out;
    }

    private static Map<String, Object> entry(ControlOverview.Entry e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("idAddress", e.idAddress().toString());
        out.put("keyAddress", text(e.keyAddress()));
        out.put("roles", e.roles());
        amount(out, "balance", e.balance());
        out.put("inWallet", e.inWallet());
        return out;
    }

    static Map<String, Object> selection(SelectionConfig c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("preCommitControl", strings(c.preCommitControl()));
        out.put("commitControl", strings(c.commitControl()));
        out.put("terminateControl", strings(c.terminateControl()));
        out.put("dealPublishControl", strings(c.dealPublishControl()));
        out.put("disableOwnerFallback", c.disableOwnerFallback());
        out.put("disableWorkerFallback", c.disableWorkerFallback());
        return out;
    }

    static Map<String, Object> choice(AddressChoice c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("use", c.use().label());
        out.put("chosen", text(c.chosen()));
        out.put("reason", c.reason());
        amount(out, "goodFunds", c.goodFunds());
        amount(out, "minFunds", c.minFunds());
        out.put("candidates", c.candidates().stream().map(ControlJson::candidate).toList());
        return out;
    }

    private static Map<String, Object> candidate(Candidate c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", c.address().toString());
        out.put("keyAddress", text(c.keyAddress()));
        out.put("source", c.source());
        amount(out, "balance", c.balance());
        out.put("inWallet", c.inWallet());
        out.put("verdict", c.verdict());
        return out;
    }

    static Map<String, Object> miner(ControlledMiner m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("miner", m.miner().toString());
        out.put("owner", m.owner().toString());
        out.put("worker", m.worker().toString());
        out.put("controlAddresses", strings(m.controlAddresses()));
        out.put("rolesHere", m.rolesHere());
        return out;
    }

    static Map<String, Object> watermark(Watermark w, TokenAmount balance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", w.address().toString());
        amount(out, "low", w.low());
        amount(out, "high", w.high());
        out.put("funding", w.funding().toString());
        amount(out, "balance", balance);
        out.put("lastTopUp", w.lastTopUp().map(Object::toString).orElse(null));
        out.put("lastMessageId", w.lastMessageId().orElse(null));
        out.put("lastError", w.lastError() == null || w.lastError().isEmpty() ? null : w.lastError());
        return out;
    }

    private static void amount(Map<String, Object> out, String name, TokenAmount amount) {
        out.put(name, amount.toString());
        out.put(name + "AttoFil", amount.attoFil().toString());
    }

    private static String text(Optional<Address> a) {
        return a.map(Address::toString).orElse(null);
    }

    private static List<String> strings(List<Address> addresses) {
        return addresses.stream().map(Address::toString).toList();
    }

    // --- OpenAPI schemas ---

    static JsonSchema amountProps(JsonSchema o, String name, String what) {
        return o.prop(name, JsonSchema.string().description(what + " in FIL, as Lotus prints it").example("1.5 FIL"))
            .prop(name + "AttoFil", JsonSchema.string().description(what + " in attoFIL (exact integer)"));
    }

    static JsonSchema addressList(String what) {
        return JsonSchema.array(JsonSchema.string()).description(what);
    }

    static JsonSchema selectionSchema() {
        return JsonSchema.object()
            .prop("preCommitControl", addressList("Senders of PreCommit messages, tried in order"), false)
            .prop("commitControl", addressList("Senders of (Prove)Commit messages"), false)
            .prop("terminateControl", addressList("Senders of TerminateSectors messages"), false)
            .prop("dealPublishControl", addressList("Senders of PublishStorageDeals messages"), false)
            .prop("disableOwnerFallback", JsonSchema.bool().description("Never fall back to the owner"), false)
            .prop("disableWorkerFallback", JsonSchema.bool()
                .description("Fall back to the worker only when nothing else is listed for the use"), false);
    }

    static JsonSchema overviewSchema() {
        JsonSchema entry = JsonSchema.object()
            .prop("idAddress", JsonSchema.string().description("The f0 address (as configured when it has no actor yet)"))
            .prop("keyAddress", JsonSchema.string().description("The account's f1/f3 key; null for non-accounts"))
            .prop("roles", JsonSchema.array(JsonSchema.string())
                .description("owner, worker, beneficiary, control-N, and the uses it serves: PoSt, PreCommit, Commit, Terminate, DealPublish"));
        amountProps(entry, "balance", "Balance at the head");
        entry.prop("inWallet", JsonSchema.bool().description("Whether this node's wallet holds the key"));
        return JsonSchema.object()
            .prop("miner", JsonSchema.string()).prop("headEpoch", JsonSchema.integer())
            .prop("addresses", JsonSchema.array(entry))
            .prop("pendingWorker", JsonSchema.string().description("The proposed worker; null when none"))
            .prop("pendingWorkerEffectiveAt", JsonSchema.integer().description("The epoch from which the change can be confirmed"))
            .prop("pendingOwner", JsonSchema.string().description("The proposed owner; null when none"))
            .prop("selection", selectionSchema());
    }

    static JsonSchema choiceSchema() {
        JsonSchema candidate = JsonSchema.object()
            .prop("address", JsonSchema.string()).prop("keyAddress", JsonSchema.string())
            .prop("source", JsonSchema.string().description("PreCommitControl, control-N, worker, owner, ..."));
        amountProps(candidate, "balance", "Balance at the head");
        candidate.prop("inWallet", JsonSchema.bool())
            .prop("verdict", JsonSchema.string().description("taken: ..., short: ..., skipped: ..., not needed: ..."));
        JsonSchema o = JsonSchema.object()
            .prop("use", JsonSchema.string().enumOf("PoSt", "PreCommit", "Commit", "DealPublish", "Terminate"))
            .prop("chosen", JsonSchema.string().description("The ID address that sends next; null when none can"))
            .prop("reason", JsonSchema.string());
        amountProps(o, "goodFunds", "What an address should hold to be taken at once");
        amountProps(o, "minFunds", "The least a 'least bad' address must hold");
        return o.prop("candidates", JsonSchema.array(candidate));
    }

    static JsonSchema watermarkSchema() {
        JsonSchema o = JsonSchema.object().prop("address", JsonSchema.string());
        amountProps(o, "low", "Below this the node tops the address up");
        amountProps(o, "high", "A top-up brings the balance to this");
        o.prop("funding", JsonSchema.string().description("Where top-ups come from (its key must be in the wallet)"));
        amountProps(o, "balance", "Balance at the head");
        return o.prop("lastTopUp", JsonSchema.string().format("date-time"))
            .prop("lastMessageId", JsonSchema.integer())
            .prop("lastError", JsonSchema.string().description("Why the last check could not top up; null when fine"));
    }
}

package dev.granary.messages.rest;

import dev.granary.api.Problem;
import dev.granary.api.ProblemException;
import java.util.Map;

import dev.granary.address.Network;
import dev.granary.api.JsonSchema;
import dev.granary.lotusjson.LotusJson;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.Replacement;
import dev.granary.multiformats.Cid;
import java.util.Base64;
import java.util.OptionalLong;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON of the /messages routes: Granary's own camelCase answers, with amounts as attoFIL strings and
 * CIDs as Lotus links ({"/": "bafy…"}), as the chain routes write them.
 */
public final class MessageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final LotusJson LOTUS = new LotusJson(Network.MAINNET);

    private MessageJson() {
    }

    public static ObjectNode message(OutgoingMessage m) {
        ObjectNode o = NODES.objectNode();
        o.put("id", m.id());
        o.put("from", m.from().toString());
        o.put("to", m.to().toString());
        o.put("nonce", m.nonce());
        o.put("value", m.value().attoFil().toString());
        o.put("method", m.method());
        o.put("purpose", m.purpose());
        o.put("state", m.state().id());
        o.set("cid", cid(m.cid()));
        o.put("gasLimit", m.gasLimit());
        o.put("gasFeeCap", m.gasFeeCap().attoFil().toString());
        o.put("gasPremium", m.gasPremium().attoFil().toString());
        o.put("createdBy", m.createdBy());
        o.put("createdAt", m.createdAt().toString());
        putOptional(o, "pushedEpoch", m.pushedEpoch());
        o.set("executedCid", m.executedCid().map(MessageJson::cid).orElse(null));
        putOptional(o, "executedEpoch", m.executedEpoch());
        putOptional(o, "exitCode", m.exitCode());
        o.put("return", m.exitCode().isPresent() ? Base64.getEncoder().encodeToString(m.returnValue()) : null);
        putOptional(o, "gasUsed", m.gasUsed());
        o.put("replacements", m.replacements());
        o.put("error", m.error());
        return o;
    }

    static ObjectNode replacement(Replacement r) {
        ObjectNode o = NODES.objectNode();
        o.put("id", r.id());
        o.put("messageId", r.messageId());
        o.put("at", r.at().toString());
        o.put("epoch", r.epoch());
        o.set("oldCid", cid(r.oldCid()));
        o.set("newCid", cid(r.newCid()));
        o.put("oldPremium", r.oldPremium().attoFil().toString());
        o.put("newPremium", r.newPremium().attoFil().toString());
        o.put("oldFeeCap", r.oldFeeCap().attoFil().toString());
        o.put("newFeeCap", r.newFeeCap().attoFil().toString());
        o.put("reason", r.reason());
        o.put("actor", r.actor());
        return o;
    }

    private static ObjectNode cid(Cid cid) {
        return LOTUS.cid(cid);
    }

    private static void putOptional(ObjectNode o, String field, OptionalLong value) {
        if (value.isPresent()) {
            o.put(field, value.getAsLong());
        } else {
            o.putNull(field);
        }
    }

    public static JsonSchema messageSchema() {
        JsonSchema cid = JsonSchema.object().prop("/", JsonSchema.string()).description("a CID as a Lotus link");
        return JsonSchema.object()
            .prop("id", JsonSchema.integer()).prop("from", JsonSchema.string()).prop("to", JsonSchema.string())
            .prop("nonce", JsonSchema.integer()).prop("value", JsonSchema.string().description("attoFIL"))
            .prop("method", JsonSchema.integer()).prop("purpose", JsonSchema.string())
            .prop("state", JsonSchema.string().enumOf("recorded", "pushed", "executed", "confirmed", "failed", "rejected"))
            .prop("cid", cid).prop("gasLimit", JsonSchema.integer())
            .prop("gasFeeCap", JsonSchema.string().description("attoFIL per gas unit"))
            .prop("gasPremium", JsonSchema.string().description("attoFIL per gas unit"))
            .prop("createdBy", JsonSchema.string()).prop("createdAt", JsonSchema.string())
            .prop("pushedEpoch", JsonSchema.integer()).prop("executedCid", cid)
            .prop("executedEpoch", JsonSchema.integer()).prop("exitCode", JsonSchema.integer())
            .prop("return", JsonSchema.string().description("the receipt's return value, base64"))
            .prop("gasUsed", JsonSchema.integer()).prop("replacements", JsonSchema.integer())
            .prop("error", JsonSchema.string().description("why it was rejected, or why a pending one was not replaced"));
    }

    static JsonSchema replacementSchema() {
        JsonSchema cid = JsonSchema.object().prop("/", JsonSchema.string());
        return JsonSchema.object()
            .prop("id", JsonSchema.integer()).prop("messageId", JsonSchema.integer()).prop("at", JsonSchema.string())
            .prop("epoch", JsonSchema.integer()).prop("oldCid", cid).prop("newCid", cid)
            .prop("oldPremium", JsonSchema.string()).prop("newPremium", JsonSchema.string())
            .prop("oldFeeCap", JsonSchema.string()).prop("newFeeCap", JsonSchema.string())
            .prop("reason", JsonSchema.string()).prop("actor", JsonSchema.string());
    }

    /**
     * The answer to a send the message pool refused: 409 with type message-rejected, the message's id
     * (GET /api/v1/messages/{id} shows it) and the pool's reason. Nothing was sent and the nonce was
     * given back, so the same request may be retried once the cause is fixed (with a new idempotency key).
     */
    public static ProblemException refused(OutgoingMessage m) {
        return new ProblemException(new Problem(REJECTED_TYPE, "Message rejected", 409,
            "the message pool refused message " + m.id() + " (" + m.purpose() + " from " + m.from() + "): " + m.error()
                + "; nothing was sent", null, null, Map.of("messageId", m.id(), "state", m.state().id())));
    }

    public static final String REJECTED_TYPE = "urn:granary:problem:message-rejected";
}

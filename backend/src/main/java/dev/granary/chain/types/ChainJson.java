package dev.granary.chain.types;

import dev.granary.address.Address;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.lotusjson.LotusJson;
import dev.granary.lotusjson.LotusJsonException;
import dev.granary.multiformats.Cid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chain types in the Lotus JSON-RPC dialect, on top of {@link LotusJson}: Go field names, CIDs as
 * {"/": …}, bytes as base64, big integers as decimal strings, uint64 fields as JSON numbers, absent
 * pointers as null. Reading reports the path of the first bad field.
 */
public final class ChainJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LotusJson json;

    public ChainJson(LotusJson json) {
        this.json = json;
    }

    public ObjectNode blockHeader(BlockHeader h) {
        ObjectNode o = NODES.objectNode();
        o.put("Miner", h.miner().toString(json.network()));
        o.set("Ticket", h.ticket() == null ? null : NODES.objectNode().put("VRFProof", base64(h.ticket().vrfProof())));
        o.set("ElectionProof", h.electionProof() == null ? null : NODES.objectNode()
            .put("WinCount", h.electionProof().winCount()).put("VRFProof", base64(h.electionProof().vrfProof())));
        o.set("BeaconEntries", array(h.beaconEntries(), e -> NODES.objectNode()
            .put("Round", unsigned(e.round())).put("Data", base64(e.data()))));
        o.set("WinPoStProof", array(h.winPoStProof(), p -> NODES.objectNode()
            .put("PoStProof", p.registeredProof()).put("ProofBytes", base64(p.proofBytes()))));
        o.set("Parents", array(h.parents(), json::cid));
        o.put("ParentWeight", h.parentWeight().toString());
        o.put("Height", h.height());
        o.set("ParentStateRoot", json.cid(h.parentStateRoot()));
        o.set("ParentMessageReceipts", json.cid(h.parentMessageReceipts()));
        o.set("Messages", json.cid(h.messages()));
        o.set("BLSAggregate", h.blsAggregate() == null ? null : json.signature(h.blsAggregate()));
        o.put("Timestamp", unsigned(h.timestamp()));
        o.set("BlockSig", h.blockSig() == null ? null : json.signature(h.blockSig()));
        o.put("ForkSignaling", unsigned(h.forkSignaling()));
        o.put("ParentBaseFee", h.parentBaseFee().attoFil().toString());
        return o;
    }

    public static BlockHeader blockHeader(JsonNode node, String field) {
        requireObject(node, field);
        return new BlockHeader(address(node.get("Miner"), field + ".Miner"),
            nullable(node.get("Ticket"), field + ".Ticket", (n, f) -> new Ticket(bytes(n.get("VRFProof"), f + ".VRFProof"))),
            nullable(node.get("ElectionProof"), field + ".ElectionProof", (n, f) -> new ElectionProof(
                int64(n.get("WinCount"), f + ".WinCount"), bytes(n.get("VRFProof"), f + ".VRFProof"))),
            list(node.get("BeaconEntries"), field + ".BeaconEntries", (n, f) -> new BeaconEntry(
                uint64(n.get("Round"), f + ".Round"), bytes(n.get("Data"), f + ".Data"))),
            list(node.get("WinPoStProof"), field + ".WinPoStProof", (n, f) -> new PoStProof(
                int64(n.get("PoStProof"), f + ".PoStProof"), bytes(n.get("ProofBytes"), f + ".ProofBytes"))),
            list(node.get("Parents"), field + ".Parents", LotusJson::cid),
            BigInt.of(decimal(node.get("ParentWeight"), field + ".ParentWeight")),
            int64(node.get("Height"), field + ".Height"),
            LotusJson.cid(node.get("ParentStateRoot"), field + ".ParentStateRoot"),
            LotusJson.cid(node.get("ParentMessageReceipts"), field + ".ParentMessageReceipts"),
            LotusJson.cid(node.get("Messages"), field + ".Messages"),
            nullable(node.get("BLSAggregate"), field + ".BLSAggregate", LotusJson::signature),
            uint64(node.get("Timestamp"), field + ".Timestamp"),
            nullable(node.get("BlockSig"), field + ".BlockSig", LotusJson::signature),
            uint64(node.get("ForkSignaling"), field + ".ForkSignaling"),
            TokenAmount.ofAtto(decimal(node.get("ParentBaseFee"), field + ".ParentBaseFee")));
    }

    /** Lotus' TipSet JSON: {"Cids": [...], "Blocks": [...], "Height": n}. */
    public ObjectNode tipSet(TipSet t) {
        ObjectNode o = NODES.objectNode();
        o.set("Cids", tipSetKey(t.key()));
        o.set("Blocks", array(t.blocks(), this::blockHeader));
        o.put("Height", t.height());
        return o;
    }

    public static TipSet tipSet(JsonNode node, String field) {
        requireObject(node, field);
        return TipSet.of(list(node.get("Blocks"), field + ".Blocks", ChainJson::blockHeader));
    }

    /** A tipset key as Lotus writes it in JSON: an array of CID links. */
    public ArrayNode tipSetKey(TipSetKey key) {
        return array(key.cids(), json::cid);
    }

    public static TipSetKey tipSetKey(JsonNode node, String field) {
        return new TipSetKey(list(node, field, LotusJson::cid));
    }

    public ObjectNode receipt(MessageReceipt r) {
        ObjectNode o = NODES.objectNode();
        o.put("ExitCode", r.exitCode());
        byte[] ret = r.returnValue();
        o.put("Return", ret.length == 0 ? null : base64(ret));
        o.put("GasUsed", r.gasUsed());
        o.set("EventsRoot", r.eventsRoot() == null ? null : json.cid(r.eventsRoot()));
        return o;
    }

    /** Reads a receipt as the devnet's layout (V1): JSON does not say which layout the bytes had. */
    public static MessageReceipt receipt(JsonNode node, String field) {
        requireObject(node, field);
        JsonNode ret = node.get("Return");
        return MessageReceipt.of(int64(node.get("ExitCode"), field + ".ExitCode"),
            ret == null || ret.isNull() ? new byte[0] : bytes(ret, field + ".Return"),
            int64(node.get("GasUsed"), field + ".GasUsed"),
            nullable(node.get("EventsRoot"), field + ".EventsRoot", LotusJson::cid));
    }

    public ObjectNode msgMeta(MsgMeta m) {
        return NODES.objectNode().<ObjectNode>set("BlsMessages", json.cid(m.blsMessages()))
            .set("SecpkMessages", json.cid(m.secpkMessages()));
    }

    private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> write) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(item -> a.add(write.apply(item)));
        return a;
    }

    private static <T> List<T> list(JsonNode node, String field, BiFunction<JsonNode, String, T> read) {
        if (node == null || node.isNull()) {
            return List.of(); // Go's nil slice
        }
        if (!node.isArray()) {
            throw new LotusJsonException(field + ": expected an array or null");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(read.apply(node.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    private static <T> T nullable(JsonNode node, String field, BiFunction<JsonNode, String, T> read) {
        return node == null || node.isNull() ? null : read.apply(node, field);
    }

    private static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new LotusJsonException(field + ": expected an object");
        }
    }

    private static Address address(JsonNode node, String field) {
        if (node == null || !node.isString()) {
            throw new LotusJsonException(field + ": expected an address string");
        }
        try {
            return Address.parse(node.asString());
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + ": " + e.getMessage());
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return new byte[0];
        }
        if (!node.isString()) {
            throw new LotusJsonException(field + ": expected base64 text");
        }
        try {
            return Base64.getDecoder().decode(node.asString());
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + ": not valid base64");
        }
    }

    private static BigInteger unsigned(long bits) {
        return new BigInteger(Long.toUnsignedString(bits));
    }

    private static long uint64(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || node.bigIntegerValue().signum() < 0
            || node.bigIntegerValue().bitLength() > 64) {
            throw new LotusJsonException(field + ": expected an unsigned 64-bit integer");
        }
        return node.bigIntegerValue().longValue();
    }

    private static long int64(JsonNode node, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new LotusJsonException(field + ": expected a 64-bit integer");
        }
        return node.longValue();
    }

    private static BigInteger decimal(JsonNode node, String field) {
        if (node == null || !node.isString() || !node.asString().matches("-?\\d{1,80}")) {
            throw new LotusJsonException(field + ": expected a decimal string, e.g. \"1000\"");
        }
        return new BigInteger(node.asString());
    }
}

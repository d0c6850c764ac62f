package dev.granary.lotusjson;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import java.math.BigInteger;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON dialect of the Lotus JSON-RPC API: CIDs as {"/": "bafy…"}, big integers and amounts as
 * decimal strings of attoFIL, bytes as standard base64, addresses with the network's prefix, struct
 * fields in Go's capitalised names. REST and the later JSON-RPC endpoint both speak it.
 * Malformed input raises {@link LotusJsonException} naming the field.
 */
public final class LotusJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Network network;

    public LotusJson(Network network) {
        this.network = network;
    }

    public Network network() {
        return network;
    }

    public ObjectNode cid(Cid cid) {
        return NODES.objectNode().put("/", cid.toString());
    }

    public static Cid cid(JsonNode node, String field) {
        JsonNode link = node == null ? null : node.get("/");
        if (link == null || !link.isString()) {
            throw new LotusJsonException(field + ": expected a CID as {\"/\": \"…\"}");
        }
        try {
            return Cid.parse(link.asString());
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + ": " + e.getMessage());
        }
    }

    public ObjectNode signature(Signature s) {
        return NODES.objectNode().put("Type", s.type().code()).put("Data", Base64.getEncoder().encodeToString(s.data()));
    }

    public static Signature signature(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new LotusJsonException(field + ": expected {\"Type\": 1|2|3, \"Data\": \"base64\"}");
        }
        try {
            return new Signature(SignatureType.byCode(requireInt(node, "Type", field)), base64(node.get("Data"), field + ".Data"));
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + ": " + e.getMessage());
        }
    }

    /** Lotus adds the message's CID to its JSON form; readers ignore it and compute their own. */
    public ObjectNode message(Message m) {
        ObjectNode o = NODES.objectNode();
        o.put("Version", m.version());
        o.put("To", m.to().toString(network));
        o.put("From", m.from().toString(network));
        o.put("Nonce", new BigInteger(Long.toUnsignedString(m.nonce())));
        o.put("Value", m.value().attoFil().toString());
        o.put("GasLimit", m.gasLimit());
        o.put("GasFeeCap", m.gasFeeCap().attoFil().toString());
        o.put("GasPremium", m.gasPremium().attoFil().toString());
        o.put("Method", new BigInteger(Long.toUnsignedString(m.method())));
        byte[] params = m.params();
        if (params.length == 0) {
            o.putNull("Params"); // Go's nil []byte
        } else {
            o.put("Params", Base64.getEncoder().encodeToString(params));
        }
        o.set("CID", cid(m.cid()));
        return o;
    }

    public static Message message(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new LotusJsonException(field + ": expected a message object");
        }
        return new Message(unsigned(node, "Version", field), address(node, "To", field), address(node, "From", field),
            unsigned(node, "Nonce", field), amount(node, "Value", field), signedLong(node, "GasLimit", field),
            amount(node, "GasFeeCap", field), amount(node, "GasPremium", field), unsigned(node, "Method", field),
            node.hasNonNull("Params") ? base64(node.get("Params"), field + ".Params") : new byte[0]);
    }

    public ObjectNode signedMessage(SignedMessage m) {
        ObjectNode o = NODES.objectNode();
        o.set("Message", message(m.message()));
        o.set("Signature", signature(m.signature()));
        o.set("CID", cid(m.cid()));
        return o;
    }

    public static SignedMessage signedMessage(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw new LotusJsonException(field + ": expected {\"Message\": …, \"Signature\": …}");
        }
        return new SignedMessage(message(node.get("Message"), field + ".Message"),
            signature(node.get("Signature"), field + ".Signature"));
    }

    public String bigInt(BigInt value) {
        return value.toString();
    }

    private static Address address(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString()) {
            throw new LotusJsonException(field + "." + name + ": expected an address string");
        }
        try {
            return Address.parse(v.asString());
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + "." + name + ": " + e.getMessage());
        }
    }

    private static TokenAmount amount(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || !v.isString() || !v.asString().matches("-?\\d{1,80}")) {
            throw new LotusJsonException(field + "." + name + ": expected attoFIL as a decimal string, e.g. \"1000\"");
        }
        return TokenAmount.ofAtto(new BigInteger(v.asString()));
    }

    private static long unsigned(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || v.bigIntegerValue().signum() < 0
            || v.bigIntegerValue().bitLength() > 64) {
            throw new LotusJsonException(field + "." + name + ": expected an unsigned 64-bit integer");
        }
        return v.bigIntegerValue().longValue();
    }

    private static long signedLong(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new LotusJsonException(field + "." + name + ": expected a 64-bit integer");
        }
        return v.longValue();
    }

    private static int requireInt(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new LotusJsonException(field + "." + name + ": expected an integer");
        }
        return v.intValue();
    }

    private static byte[] base64(JsonNode v, String field) {
        if (v == null || !v.isString()) {
            throw new LotusJsonException(field + ": expected base64 text");
        }
        try {
            return Base64.getDecoder().decode(v.asString());
        } catch (IllegalArgumentException e) {
            throw new LotusJsonException(field + ": not valid base64");
        }
    }
}

package dev.granary.cli;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sending a message through the node without the node holding the key: ask for the nonce and a gas
 * estimate, sign here, push, and optionally wait for the receipt. Every step's failure names the step.
 */
final class MessageFlow {

    static final LotusJson LOTUS = new LotusJson(Network.MAINNET);
    static final String WAIT_TIMEOUT_TYPE = "urn:granary:problem:chain-wait-timeout";
    /** Below the API client's 60 s request timeout; a longer wait is several requests. */
    private static final Duration WAIT_CHUNK = Duration.ofSeconds(25);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final ApiClient api;

    MessageFlow(ApiClient api) {
        this.api = api;
    }

    /** The message from the key's address, with the next nonce and the node's gas estimate, signed. */
    SignedMessage prepare(PrivateKey key, Address to, TokenAmount value, long method, byte[] params,
                          Optional<TokenAmount> maxFee) {
        Address from = key.address();
        long nonce = nextNonce(from);
        Message draft = new Message(0, to, from, nonce, value, 0, TokenAmount.ZERO, TokenAmount.ZERO, method, params);
        return estimateGas(draft, maxFee).sign(key);
    }

    long nextNonce(Address sender) {
        JsonNode answer = api.get("getting the next nonce of " + sender.toString(LOTUS.network()),
            "/v1/mpool/nonce/" + ApiClient.segment(sender.toString(LOTUS.network()))).json();
        return answer.get("nonce").longValue();
    }

    Message estimateGas(Message draft, Optional<TokenAmount> maxFee) {
        String query = maxFee.map(f -> "?maxFee=" + f.attoFil()).orElse("");
        JsonNode answer = api.post("estimating gas", "/v1/chain/gas-estimate" + query, map(LOTUS.message(draft))).json();
        return LotusJson.message(answer, "estimate");
    }

    /** Pushes; the node's answer is {"CID": {"/": "bafy..."}}. */
    JsonNode push(SignedMessage message) {
        return api.post("pushing message " + message.cid(), "/v1/mpool/messages", map(LOTUS.signedMessage(message))).json();
    }

    /** The MsgLookup once the message has executed with {@code confidence} tipsets on top, asking in chunks. */
    ApiClient.Answer waitFor(String cid, long confidence, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new CliFailure("waiting for message " + cid + ": not executed with " + confidence
                    + " confirmations within " + timeout.toSeconds() + "s; wait again with granary chain wait " + cid);
            }
            long seconds = Math.max(1, Math.min(left.toSeconds(), WAIT_CHUNK.toSeconds()));
            try {
                return api.get("waiting for message " + cid, "/v1/chain/messages/" + ApiClient.segment(cid)
                    + "/wait?confidence=" + confidence + "&timeout=" + seconds + "s");
            } catch (ApiClient.NodeRefusedException e) {
                if (!WAIT_TIMEOUT_TYPE.equals(e.problemType())) {
                    throw e;
                }
            }
        }
    }

    static String cid(JsonNode pushAnswer) {
        return pushAnswer.get("CID").get("/").asString();
    }

    /** Lotus' `state wait-msg` lines for a MsgLookup. */
    static void printLookup(JsonNode lookup, PrintWriter out) {
        JsonNode receipt = lookup.get("Receipt");
        StringBuilder tipset = new StringBuilder("[");
        for (JsonNode cid : lookup.get("TipSet")) {
            tipset.append(tipset.length() > 1 ? " " : "").append(cid.get("/").asString());
        }
        out.println("Executed in tipset: " + tipset.append(']'));
        out.println("Exit Code: " + receipt.get("ExitCode").asLong());
        out.println("Gas Used: " + receipt.get("GasUsed").asLong());
        out.println("Return: " + HexFormat.of().formatHex(returnValue(receipt)));
        JsonNode events = receipt.get("EventsRoot");
        if (events != null && !events.isNull()) {
            out.println("Events Root: " + events.get("/").asString());
        }
    }

    static byte[] returnValue(JsonNode receipt) {
        JsonNode ret = receipt.get("Return");
        return ret == null || ret.isNull() ? new byte[0] : java.util.Base64.getDecoder().decode(ret.asString());
    }

    static long exitCode(JsonNode lookup) {
        return lookup.get("Receipt").get("ExitCode").asLong();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(ObjectNode node) {
        return JSON.convertValue(node, Map.class);
    }
}

package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/v1/mpool/messages: each refusal of the pool as its own problem type, and bodies that never reach it. */
class MpoolPushRestTest {

    @TempDir
    static Path home;
    static ChainRestNode chain;
    static final PrivateKey STRANGER = ChainRestNode.newKey(KeyType.SECP256K1);

    @BeforeAll
    static void start() {
        chain = ChainRestNode.start(home);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    /** A valid transfer from the funded key at its next nonce, changed by {@code change}, then signed with {@code key}. */
    private static SignedMessage transfer(UnaryOperator<Message> change, PrivateKey key) {
        Message estimated = chain.estimate(new Message(0, STRANGER.address(), chain.funded.address(),
            chain.nonce(chain.funded.address()), TokenAmount.parse("1 FIL"), 0, TokenAmount.ZERO, TokenAmount.ZERO, 0,
            new byte[0]));
        Message m = change.apply(estimated);
        return new SignedMessage(m, key.sign(m.cid().bytes()));
    }

    private static SignedMessage transfer(UnaryOperator<Message> change) {
        return transfer(change, chain.funded);
    }

    private static Message with(Message m, long version, Address from, long nonce, TokenAmount value, long gasLimit,
                                TokenAmount feeCap, TokenAmount premium, byte[] params) {
        return new Message(version, m.to(), from, nonce, value, gasLimit, feeCap, premium, m.method(), params);
    }

    private static UnaryOperator<Message> nonce(long delta) {
        return m -> with(m, 0, m.from(), m.nonce() + delta, m.value(), m.gasLimit(), m.gasFeeCap(), m.gasPremium(), m.params());
    }

    private static void assertRejected(String reason, int status, SignedMessage message) {
        HttpResponse<String> r = chain.push(message);
        String type = "urn:granary:problem:mpool-" + reason;
        assertEquals(Map.of("status", status, "type", type), Map.of("status", r.statusCode(),
            "type", TestNode.json(r).get("type").asString()), r.body());
        assertTrue(TestNode.json(r).get("detail").asString().startsWith("the message pool rejected the message: "), r.body());
        assertEquals(reason.toUpperCase().replace('-', '_'), TestNode.json(r).get("reason").asString());
    }

    @Test
    void eachCheckTheMessageFailsHasItsOwnProblemType() {
        assertRejected("malformed", 400, transfer(m -> with(m, 1, m.from(), m.nonce(), m.value(), m.gasLimit(),
            m.gasFeeCap(), m.gasPremium(), m.params())));
        assertRejected("malformed", 400, transfer(m -> with(m, 0, m.from(), m.nonce(), m.value(), m.gasLimit(),
            m.gasFeeCap(), m.gasFeeCap().add(TokenAmount.ofAtto(1)), m.params())));
        assertRejected("too-large", 400, transfer(m -> with(m, 0, m.from(), m.nonce(), m.value(), 200_000_000,
            m.gasFeeCap(), m.gasPremium(), new byte[70 * 1024])));
        assertRejected("gas-limit-too-low", 400, transfer(m -> with(m, 0, m.from(), m.nonce(), m.value(), 1_000,
            m.gasFeeCap(), m.gasPremium(), m.params())));
        assertRejected("gas-limit-too-high", 400, transfer(m -> with(m, 0, m.from(), m.nonce(), m.value(),
            10_000_000_001L, m.gasFeeCap(), m.gasPremium(), m.params())));
        assertRejected("fee-cap-too-low", 409, transfer(m -> with(m, 0, m.from(), m.nonce(), m.value(), m.gasLimit(),
            TokenAmount.ofAtto(1), TokenAmount.ofAtto(1), m.params())));
        assertRejected("bad-signature", 400, transfer(UnaryOperator.identity(), STRANGER));
        assertRejected("sender-unknown", 409, transfer(m -> with(m, 0, STRANGER.address(), 0, m.value(), m.gasLimit(),
            m.gasFeeCap(), m.gasPremium(), m.params()), STRANGER));
        assertRejected("sender-not-account", 409, transfer(m -> with(m, 0, SingletonActors.POWER, 0, m.value(),
            m.gasLimit(), m.gasFeeCap(), m.gasPremium(), m.params()), STRANGER));
        assertRejected("nonce-gap", 409, transfer(nonce(5)));
        assertRejected("insufficient-funds", 409, transfer(m -> with(m, 0, m.from(), m.nonce(),
            TokenAmount.parse("60000000 FIL"), m.gasLimit(), m.gasFeeCap(), m.gasPremium(), m.params())));
    }

    @Test
    void aUsedNonceAndAnUnderpricedReplacementAreRefused() {
        chain.execute(transfer(UnaryOperator.identity()));
        assertRejected("nonce-too-low", 409, transfer(nonce(-1)));

        SignedMessage pending = transfer(UnaryOperator.identity());
        chain.pushAccepted(pending);
        HttpResponse<String> again = chain.push(pending);
        assertEquals(201, again.statusCode(), "pushing the same message twice is accepted: " + again.body());
        Message p = pending.message();
        assertRejected("replace-underpriced", 409, transfer(m -> with(p, 0, p.from(), p.nonce(), TokenAmount.parse("2 FIL"),
            p.gasLimit(), p.gasFeeCap(), p.gasPremium(), p.params())));
        chain.advance(2);
    }

    @Test
    void aSignedMessageAlsoArrivesAsDagCbor() {
        SignedMessage signed = transfer(UnaryOperator.identity());
        HttpResponse<String> r = chain.postBytes("/mpool/messages", "application/cbor", signed.toCbor());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("/api/v1/chain/messages/" + signed.cid(), r.headers().firstValue("Location").orElseThrow());
        chain.advance(2);
    }

    @Test
    void malformedBodiesAreRefusedNamingTheField() {
        ObjectNode valid = ChainRestNode.LOTUS.signedMessage(transfer(UnaryOperator.identity()));
        assertBadBody(400, "malformed-json", "not valid JSON", "{\"Message\": ");
        assertBadBody(400, "malformed-json", "empty", "");
        assertBadBody(400, "invalid-request", "SignedMessage.Signature", valid.deepCopy().put("Signature", "x").toString());
        ObjectNode badData = valid.deepCopy();
        ((ObjectNode) badData.get("Signature")).put("Data", "%%%");
        assertBadBody(400, "invalid-request", "SignedMessage.Signature.Data", badData.toString());
        ObjectNode badType = valid.deepCopy();
        ((ObjectNode) badType.get("Signature")).put("Type", 9);
        assertBadBody(400, "invalid-request", "unknown signature type 9", badType.toString());
        ObjectNode badTo = valid.deepCopy();
        ((ObjectNode) badTo.get("Message")).put("To", "f9nothing");
        assertBadBody(400, "invalid-request", "SignedMessage.Message.To", badTo.toString());
        ObjectNode badValue = valid.deepCopy();
        ((ObjectNode) badValue.get("Message")).put("Value", 12);
        assertBadBody(400, "invalid-request", "SignedMessage.Message.Value", badValue.toString());

        HttpResponse<String> cbor = chain.postBytes("/mpool/messages", "application/cbor",
            HexFormat.of().parseHex("8201"));
        assertEquals(400, cbor.statusCode(), cbor.body());
        assertTrue(TestNode.json(cbor).get("detail").asString().contains("CBOR is malformed"), cbor.body());

        HttpResponse<String> text = chain.node.send("POST", "/api/v1/mpool/messages", "text/plain", valid.toString(),
            Map.of("Authorization", "Bearer " + chain.operator));
        assertEquals(415, text.statusCode(), text.body());
        assertTrue(TestNode.json(text).get("detail").asString().contains("application/cbor"), text.body());
        assertBadBody(400, "malformed-json", "must be a JSON object", "[1, 2]");
        assertEquals(0, chain.getJson("/mpool/pending").size(), "nothing malformed reached the pool");
    }

    private static void assertBadBody(int status, String type, String detailPart, String body) {
        HttpResponse<String> r = chain.post("/mpool/messages", body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("urn:granary:problem:" + type, TestNode.json(r).get("type").asString(), r.body());
        assertTrue(TestNode.json(r).get("detail").asString().contains(detailPart), r.body());
    }

    @Test
    void pushingNeedsTheWritePermission() {
        String viewer = chain.node.tokenForNewUser("push-viewer", dev.granary.auth.Role.VIEWER);
        HttpResponse<String> r = chain.node.request("POST", "/api/v1/mpool/messages",
            ChainRestNode.LOTUS.signedMessage(transfer(UnaryOperator.identity())).toString(), viewer);
        assertEquals(403, r.statusCode(), r.body());
        assertEquals("write", TestNode.json(r).get("missingPermission").asString());
    }
}

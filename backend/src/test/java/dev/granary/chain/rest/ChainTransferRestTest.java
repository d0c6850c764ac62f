package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.chain.gas.GasOutputs;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A funded transfer end to end through REST, and the read routes around it. */
class ChainTransferRestTest {

    @TempDir
    static Path home;
    static ChainRestNode chain;

    @BeforeAll
    static void start() {
        chain = ChainRestNode.start(home);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @Test
    void aTransferMovesExactlyTheValueAndTheSenderPaysExactlyTheFees() {
        PrivateKey recipient = ChainRestNode.newKey(KeyType.SECP256K1);
        Address from = chain.funded.address();
        TokenAmount value = TokenAmount.parse("12.5 FIL");
        TokenAmount before = chain.balance(from);
        assertEquals(TokenAmount.ZERO, chain.balance(recipient.address()));

        SignedMessage signed = chain.transfer(chain.funded, recipient.address(), value);
        Message m = signed.message();
        assertTrue(m.gasLimit() > 0 && m.gasFeeCap().signum() > 0 && m.gasPremium().signum() > 0, m.toString());
        chain.pushAccepted(signed);
        assertTrue(chain.getJson("/mpool/pending").toString().contains(signed.cid().toString()));
        assertEquals(m.nonce() + 1, chain.nonce(from), "the pool counts the pending message");

        HttpResponse<String> early = chain.get("/chain/messages/" + signed.cid() + "/lookup");
        assertEquals(404, early.statusCode(), early.body());
        assertTrue(TestNode.json(early).get("detail").asString().contains("has not been executed yet"), early.body());

        chain.advance(2);
        JsonNode lookup = chain.getJson("/chain/messages/" + signed.cid() + "/wait?confidence=0&timeout=5s");
        assertEquals(lookup, chain.getJson("/chain/messages/" + signed.cid() + "/lookup"));
        assertEquals(signed.cid().toString(), lookup.at("/Message/~1").asString());
        assertEquals(0, lookup.at("/Receipt/ExitCode").asLong());
        long gasUsed = lookup.at("/Receipt/GasUsed").asLong();
        assertEquals(lookup.get("IncludedAt").asLong() + 1, lookup.get("Height").asLong());

        JsonNode including = chain.getJson("/chain/tipsets/" + lookup.get("IncludedAt").asLong());
        TokenAmount baseFee = TokenAmount.ofAtto(new BigInteger(including.at("/Blocks/0/ParentBaseFee").asString()));
        GasOutputs fees = GasOutputs.compute(gasUsed, m.gasLimit(), baseFee, m.gasFeeCap(), m.gasPremium());
        TokenAmount paid = fees.baseFeeBurn().add(fees.overEstimationBurn()).add(fees.minerTip());
        assertEquals(value, chain.balance(recipient.address()));
        assertEquals(before.subtract(value).subtract(paid), chain.balance(from));

        JsonNode actor = chain.getJson("/chain/actors/" + recipient.address());
        assertEquals("account", actor.get("kind").asString());
        assertEquals(recipient.address().toString(), actor.get("keyAddress").asString());
        assertTrue(actor.get("idAddress").asString().matches("f0\\d+"), actor.toString());
        ObjectNode byId = (ObjectNode) chain.getJson("/chain/actors/" + actor.get("idAddress").asString());
        assertEquals(actor.get("idAddress").asString(), byId.get("address").asString());
        assertEquals(actor, byId.put("address", recipient.address().toString()), "the same actor by its ID address");
        assertEquals(value.attoFil().toString(), actor.at("/actor/Balance").asString());
    }

    @Test
    void theBlocksShowWhereTheMessageWentAndWhatItReturned() {
        SignedMessage signed = chain.transfer(chain.funded, ChainRestNode.newKey(KeyType.BLS).address(),
            TokenAmount.parse("1 FIL"));
        JsonNode lookup = chain.execute(signed);

        String includingBlock = chain.getJson("/chain/tipsets/" + lookup.get("IncludedAt").asLong()).at("/Cids/0/~1").asString();
        JsonNode messages = chain.getJson("/chain/blocks/" + includingBlock + "/messages");
        assertTrue(messages.get("Cids").toString().contains(signed.cid().toString()), messages.toString());
        assertEquals(1, messages.get("SecpkMessages").size(), "the funded key is secp256k1: " + messages);

        String receiptBlock = lookup.at("/TipSet/0/~1").asString();
        JsonNode header = chain.getJson("/chain/blocks/" + receiptBlock);
        assertEquals(lookup.get("Height").asLong(), header.get("Height").asLong());
        JsonNode receipts = chain.getJson("/chain/blocks/" + receiptBlock + "/parent-receipts");
        assertTrue(receipts.toString().contains(lookup.get("Receipt").toString()), receipts.toString());

        JsonNode message = chain.getJson("/chain/messages/" + signed.cid());
        assertEquals(ChainRestNode.LOTUS.message(signed.message()).toString(), message.toString());
    }

    @Test
    void aCidOfAnotherKindOfBlockIsNotFoundRatherThanAFailure() {
        SignedMessage signed = chain.transfer(chain.funded, ChainRestNode.newKey(KeyType.SECP256K1).address(),
            TokenAmount.parse("1 FIL"));
        chain.execute(signed);
        JsonNode head = chain.getJson("/chain/head");
        String header = head.at("/Cids/0/~1").asString();
        String msgMeta = head.at("/Blocks/0/Messages/~1").asString();
        String receipts = head.at("/Blocks/0/ParentMessageReceipts/~1").asString();
        for (String notAMessage : List.of(header, msgMeta, receipts)) {
            for (String route : List.of("", "/lookup", "/wait?timeout=1s")) {
                HttpResponse<String> r = chain.get("/chain/messages/" + notAMessage + route);
                assertEquals(404, r.statusCode(), route + " of " + notAMessage + ": " + r.body());
            }
        }
        for (String notAHeader : List.of(signed.cid().toString(), msgMeta, receipts)) {
            for (String route : List.of("", "/messages", "/parent-receipts")) {
                HttpResponse<String> r = chain.get("/chain/blocks/" + notAHeader + route);
                assertEquals(404, r.statusCode(), route + " of " + notAHeader + ": " + r.body());
                assertEquals("urn:granary:problem:not-found", TestNode.json(r).get("type").asString());
            }
        }
    }

    @Test
    void waitingForAMessageNobodyIncludesTimesOutWithItsOwnProblemType() {
        SignedMessage signed = chain.transfer(chain.funded, ChainRestNode.newKey(KeyType.SECP256K1).address(),
            TokenAmount.parse("0.5 FIL"));
        chain.pushAccepted(signed);
        HttpResponse<String> r = chain.get("/chain/messages/" + signed.cid() + "/wait?timeout=1s");
        assertEquals(504, r.statusCode(), r.body());
        assertEquals("urn:granary:problem:chain-wait-timeout", TestNode.json(r).get("type").asString());
        assertTrue(TestNode.json(r).get("detail").asString().contains("call again to keep waiting"), r.body());
        chain.advance(2);
        assertEquals(200, chain.get("/chain/messages/" + signed.cid() + "/wait?timeout=5s").statusCode());

        HttpResponse<String> unknown = chain.get("/chain/messages/"
            + "bafy2bzacea3wsdh6y3a36tb3skempjoxqpuyompjbmfeyf34fi3uy6uue42v4/wait?timeout=1s");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(400, chain.get("/chain/messages/" + signed.cid() + "/wait?timeout=1h").statusCode());
        assertEquals(400, chain.get("/chain/messages/not-a-cid/lookup").statusCode());
    }

    @Test
    void statusSummarisesTheHeadAndTheRecentBlockTimes() {
        chain.advance(3);
        JsonNode status = chain.getJson("/chain/status");
        JsonNode head = chain.getJson("/chain/head");
        assertEquals(head.get("Height").asLong(), status.at("/head/height").asLong());
        assertEquals(head.get("Cids"), status.at("/head/cids"));
        assertEquals("manual", status.get("clock").asString());
        assertEquals("devnet", status.get("policy").asString());
        assertEquals(status.get("currentEpoch").asLong(), head.get("Height").asLong());
        JsonNode recent = status.get("recentBlockTimes");
        assertEquals(Math.min(20, head.get("Height").asLong() + 1), recent.size());
        assertEquals(head.get("Height").asLong(), recent.get(0).get("height").asLong());
        long delay = Math.round(status.get("blockDelaySeconds").asDouble());
        assertEquals(delay, recent.get(0).get("secondsSinceParent").asLong(), "a manual clock keeps the block delay");
        assertEquals(0, recent.get(0).get("nullRoundsBefore").asLong());

        JsonNode after = chain.advance(1);
        assertEquals(after.at("/head/height").asLong(), chain.getJson("/chain/status").at("/recentBlockTimes/0/height").asLong(),
            "the block times follow the head");
    }

    @Test
    void tipsetsPageBackToGenesisNewestFirst() {
        chain.advance(4);
        long head = chain.headHeight();
        List<Long> heights = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = chain.getJson("/chain/tipsets?limit=3" + (cursor == null ? "" : "&before=" + cursor));
            assertTrue(page.get("items").size() <= 3);
            page.get("items").forEach(t -> heights.add(t.get("Height").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals(head, heights.getFirst());
        assertEquals(0, heights.getLast());
        for (int i = 1; i < heights.size(); i++) {
            assertTrue(heights.get(i) < heights.get(i - 1), heights.toString());
        }
        assertEquals(head + 1, heights.size(), "no null rounds on a manual clock with a producer: " + heights);

        assertEquals(head, chain.getJson("/chain/tipsets/" + head).get("Height").asLong());
        HttpResponse<String> future = chain.get("/chain/tipsets/" + (head + 1000));
        assertEquals(404, future.statusCode());
        assertTrue(TestNode.json(future).get("detail").asString().contains("the head is at"), future.body());
        assertEquals(400, chain.get("/chain/tipsets/minus-one").statusCode());
        assertEquals(400, chain.get("/chain/tipsets?limit=0").statusCode());
        assertEquals(0, chain.getJson("/chain/tipsets?before=0").get("items").size());
    }

    @Test
    void randomnessIsDeterministicPerTagEpochAndEntropy() {
        chain.advance(2);
        long epoch = chain.headHeight() - 1;
        for (String source : List.of("beacon", "tickets")) {
            String base = "/chain/randomness/" + source + "?epoch=" + epoch + "&entropy=AQID";
            JsonNode seal = chain.getJson(base + "&tag=SealRandomness");
            assertEquals(32, java.util.Base64.getDecoder().decode(seal.get("randomness").asString()).length);
            assertEquals(seal, chain.getJson(base + "&tag=5"), "tag by number");
            assertEquals(seal, chain.getJson(base + "&tag=seal-randomness"), "tag by another spelling");
            assertNotEquals(seal.get("randomness"), chain.getJson(base + "&tag=InteractiveSealChallengeSeed").get("randomness"));
            assertNotEquals(seal.get("randomness"), chain.getJson("/chain/randomness/" + source + "?epoch=" + epoch
                + "&entropy=AQIE&tag=SealRandomness").get("randomness"));
        }
        assertEquals(400, chain.get("/chain/randomness/beacon?epoch=" + (epoch + 100) + "&tag=SealRandomness").statusCode());
        HttpResponse<String> badTag = chain.get("/chain/randomness/beacon?epoch=1&tag=Lottery");
        assertEquals(400, badTag.statusCode());
        assertTrue(TestNode.json(badTag).get("detail").asString().contains("SealRandomness"), badTag.body());
        assertEquals(400, chain.get("/chain/randomness/dice?epoch=1&tag=SealRandomness").statusCode());
    }

    @Test
    void advancingTheClockNeedsAPositiveCountAndAnswersWithTheNewStatus() {
        long before = chain.headHeight();
        JsonNode status = chain.advance(3);
        assertEquals(before + 3, status.at("/head/height").asLong());
        HttpResponse<String> zero = chain.node.request("POST", "/api/v1/chain/clock/advance", "{\"epochs\": 0}",
            chain.node.adminToken());
        assertEquals(400, zero.statusCode(), zero.body());
        HttpResponse<String> asOperator = chain.post("/chain/clock/advance", "{\"epochs\": 1}");
        assertEquals(403, asOperator.statusCode(), asOperator.body());
        assertEquals(before + 3, chain.headHeight());
    }

    @Test
    void gasEstimationFillsTheNonceAndGasFields() {
        String draft = "{\"From\": \"" + chain.funded.address() + "\", \"To\": \"f099\", \"Value\": \"1\"}";
        HttpResponse<String> r = chain.post("/chain/gas-estimate", draft);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode m = TestNode.json(r);
        assertEquals(chain.nonce(chain.funded.address()), m.get("Nonce").asLong());
        assertTrue(m.get("GasLimit").asLong() > 0);
        assertFalse(m.get("GasFeeCap").asString().equals("0"));
        HttpResponse<String> noTo = chain.post("/chain/gas-estimate", "{\"From\": \"" + chain.funded.address() + "\"}");
        assertEquals(400, noTo.statusCode());
        assertTrue(TestNode.json(noTo).get("detail").asString().contains("Message.To"), noTo.body());
        Address stranger = ChainRestNode.newKey(KeyType.SECP256K1).address();
        HttpResponse<String> noActor = chain.post("/chain/gas-estimate", "{\"From\": \"" + stranger + "\", \"To\": \"f099\"}");
        assertEquals(400, noActor.statusCode(), noActor.body());
        assertTrue(TestNode.json(noActor).get("detail").asString().contains("no actor"), noActor.body());
    }
}

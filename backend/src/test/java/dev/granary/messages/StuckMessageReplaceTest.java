package dev.granary.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.chain.gas.GasConstants;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A message gets stuck the way it does on a busy network: another account fills every block with
 * block-sized messages paying a higher premium, so the producer's selection never has room for ours.
 * After messages.replace-after-epochs (3 here) the service replaces it with the estimated premium (the
 * median of recent blocks, now the flood's, plus a tenth), which outbids the flood; the replacement is
 * visible through REST, audited, and is what executes.
 */
class StuckMessageReplaceTest {

    private static final Actor SYSTEM = Actor.system();
    private static final TokenAmount FLOOD_PREMIUM = TokenAmount.ofAtto(1_000_000);
    private static final TokenAmount FLOOD_FEE_CAP = TokenAmount.ofAtto(1_000_000_000);

    @Test
    void aStuckMessageIsReplacedAfterNEpochsVisiblyAndAudited(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            MessageService messages = node.node().messages();
            Address funded = MessageServiceTest.funded(node);
            floodPool(node, funded, 10);
            OutgoingMessage stuck = messages.send(SYSTEM, MessageServiceTest.transfer(funded,
                MessageServiceTest.newWallet(node, "receiver"), TokenAmount.ofFil(1)));
            assertEquals(MessageState.PUSHED, stuck.state());
            assertTrue(stuck.gasPremium().compareTo(FLOOD_PREMIUM) < 0, "the flood outbids it: " + stuck.gasPremium());

            node.advanceEpochs(2);
            OutgoingMessage waiting = messages.get(SYSTEM, stuck.id());
            assertEquals(MessageState.PUSHED, waiting.state(), "two full blocks went by without it");
            assertEquals(0, waiting.replacements(), "not replaced before replace-after-epochs");

            node.advanceEpochs(1);
            OutgoingMessage replaced = messages.get(SYSTEM, stuck.id());
            assertEquals(1, replaced.replacements());
            assertNotEquals(stuck.cid(), replaced.cid());
            assertEquals(stuck.nonce(), replaced.nonce());
            assertTrue(replaced.gasPremium().compareTo(FLOOD_PREMIUM) > 0, "the replacement outbids the flood");

            String viewer = node.tokenForNewUser("watcher", Role.VIEWER);
            HttpResponse<String> r = node.request("GET", "/api/v1/messages/" + stuck.id() + "/replacements", null, viewer);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode replacements = TestNode.json(r);
            assertEquals(1, replacements.size());
            assertEquals(stuck.cid().toString(), replacements.get(0).get("oldCid").get("/").asString());
            assertEquals(replaced.cid().toString(), replacements.get(0).get("newCid").get("/").asString());
            assertEquals(stuck.gasPremium().attoFil().toString(), replacements.get(0).get("oldPremium").asString());
            assertEquals("system", replacements.get(0).get("actor").asString());
            HttpResponse<String> byOldCid = node.request("GET", "/api/v1/messages/" + stuck.cid(), null, viewer);
            assertEquals(200, byOldCid.statusCode(), byOldCid.body());
            assertEquals(stuck.id(), TestNode.json(byOldCid).get("id").asLong(), "the original CID still finds it");

            List<AuditEntry> audited = node.node().auth().audit().query(SYSTEM,
                new AuditQuery(null, "messages.replace", "message " + stuck.id(), null, null, null, null, 10)).items();
            assertEquals(1, audited.size(), audited.toString());
            assertEquals("success", audited.get(0).outcome());
            assertTrue(audited.get(0).detail().contains(replaced.cid().toString()), audited.get(0).detail());

            node.advanceEpochs(3);
            OutgoingMessage done = messages.get(SYSTEM, stuck.id());
            assertEquals(MessageState.CONFIRMED, done.state(), done.toString());
            assertEquals(replaced.cid(), done.executedCid().orElseThrow(), "the replacement is what executed");
        }
    }

    /**
     * A crash between recording a replacement and pushing it: the database holds the replacement, the
     * (persisted) pool still the original. The next head pushes the recorded replacement, which then
     * outbids the flood; the original alone would have stayed stuck behind it.
     */
    @Test
    void aReplacementRecordedButNotPushedBeforeACrashIsPushedAtTheNextHead(@TempDir Path home) {
        try (TestNode node = MessageServiceTest.start(home)) {
            MessageService messages = node.node().messages();
            Address funded = MessageServiceTest.funded(node);
            floodPool(node, funded, 10);
            OutgoingMessage stuck = messages.send(SYSTEM, MessageServiceTest.transfer(funded,
                MessageServiceTest.newWallet(node, "receiver"), TokenAmount.ofFil(1)));
            assertEquals(MessageState.PUSHED, stuck.state());

            StoredMessage stored = messages.store().byId(stuck.id()).orElseThrow();
            Message current = stored.signed().message();
            Message outbidding = FeePlanner.withGas(current, current.gasLimit(),
                TokenAmount.ofAtto(FLOOD_FEE_CAP.attoFil().multiply(java.math.BigInteger.TWO)),
                TokenAmount.ofAtto(FLOOD_PREMIUM.attoFil().multiply(java.math.BigInteger.TWO)));
            dev.granary.message.SignedMessage replacement = node.node().wallets().signMessage(SYSTEM, outbidding, "test");
            messages.store().recordReplacement(stored, replacement, node.node().chain().chainHead().height(),
                "replaced by hand", "system"); // ... and the node crashed before pushing it
            assertTrue(pending(node).contains(stuck.cid()) && !pending(node).contains(replacement.cid()));

            node.advanceEpochs(1);
            assertTrue(pending(node).contains(replacement.cid()), "the recorded replacement was pushed");
            node.advanceEpochs(3);
            OutgoingMessage done = messages.get(SYSTEM, stuck.id());
            assertEquals(MessageState.CONFIRMED, done.state(), done.toString());
            assertEquals(replacement.cid(), done.executedCid().orElseThrow(), "the replacement is what executed");
        }
    }

    /** Funds a new account from {@code funded} and pushes {@code blocks} block fillers from it. */
    private static void floodPool(TestNode node, Address funded, int blocks) {
        MessageService messages = node.node().messages();
        PrivateKey flooder = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom());
        OutgoingMessage funding = messages.send(SYSTEM, MessageServiceTest.transfer(funded, flooder.address(),
            TokenAmount.ofFil(500)));
        node.advanceEpochs(3);
        assertEquals(MessageState.CONFIRMED, messages.get(SYSTEM, funding.id()).state());
        for (int nonce = 0; nonce < blocks; nonce++) {
            node.node().chain().mpoolPush(blockFiller(flooder, funded, nonce));
        }
    }

    private static List<dev.granary.multiformats.Cid> pending(TestNode node) {
        return node.node().chain().mpoolPending().stream().map(dev.granary.message.SignedMessage::cid).toList();
    }

    /** A message whose gas limit takes a whole block, paying more premium than the service's first estimate. */
    private static dev.granary.message.SignedMessage blockFiller(PrivateKey from, Address to, long nonce) {
        return new Message(0, to, from.address(), nonce, TokenAmount.ofAtto(1), GasConstants.BLOCK_GAS_LIMIT,
            FLOOD_FEE_CAP, FLOOD_PREMIUM, 0, new byte[0]).sign(from);
    }
}

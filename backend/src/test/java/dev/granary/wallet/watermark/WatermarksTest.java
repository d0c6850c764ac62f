package dev.granary.wallet.watermark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.alerts.Alert;
import dev.granary.alerts.Severity;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.crypto.KeyType;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageQuery;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Watermarks on a real node (manual chain clock, messages confirmed after one tipset, the default
 * top-up interval of 10 minutes): top-ups happen on new heads, once, audited; what cannot be done
 * raises an alert that resolves when the balance is back.
 */
class WatermarksTest {

    private static final Actor SYSTEM = Actor.system();

    @TempDir
    static Path home;
    static TestNode node;
    static Address funded;

    @BeforeAll
    static void start() {
        TestNode.writeConfig(home, "[messages]\nconfidence = 1\n");
        node = TestNode.start(home);
        funded = node.node().wallets().defaultAddress().orElseThrow();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Address walletKey(String label) {
        return node.node().wallets().create(SYSTEM, KeyType.SECP256K1, label).address();
    }

    private static void send(Address from, Address to, TokenAmount value) {
        OutgoingMessage m = node.node().messages().send(SYSTEM, SendRequest.transfer(from, to, value, Optional.empty()));
        node.advanceEpochs(3);
        assertEquals(MessageState.CONFIRMED, node.node().messages().get(SYSTEM, m.id()).state());
    }

    private static TokenAmount balance(Address a) {
        return node.node().chain().walletBalance(a);
    }

    private static List<OutgoingMessage> topUpsTo(Address to) {
        return node.node().messages().list(SYSTEM, MessageQuery.recent(200)).items().stream()
            .filter(m -> m.purpose().equals("watermark-top-up") && m.to().equals(to)).toList();
    }

    private static Optional<Alert> alert(Address a) {
        return node.node().alerts().open("wallet.watermark:" + a);
    }

    private static HttpResponse<String> rest(String method, String path, String body) {
        return node.request(method, "/api/v1" + path, body, node.adminToken());
    }

    @Test
    void anAddressBelowItsLowMarkIsToppedUpOnceAndTheTopUpIsAudited() {
        Address worker = walletKey("topped-up");
        send(funded, worker, TokenAmount.ofFil(1));
        HttpResponse<String> set = rest("PUT", "/watermarks/" + worker,
            "{\"low\": \"5 FIL\", \"high\": \"20 FIL\", \"funding\": \"" + funded + "\"}");
        assertEquals(200, set.statusCode(), set.body());
        assertEquals("1 FIL", TestNode.json(set).get("balance").asString());

        node.advanceEpochs(1);
        List<OutgoingMessage> sent = topUpsTo(worker);
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(TokenAmount.ofFil(19), sent.getFirst().value(), "high - balance");
        assertEquals(funded, sent.getFirst().from());
        node.advanceEpochs(5);
        assertEquals(1, topUpsTo(worker).size(), "no second top-up while the first is pending or once it landed");
        assertEquals(TokenAmount.ofFil(20), balance(worker));

        List<AuditEntry> audited = node.node().auth().audit().query(SYSTEM, new AuditQuery(null, "watermark.top-up",
            worker.toString(), null, null, null, null, 10)).items();
        assertEquals(1, audited.size(), audited.toString());
        assertEquals("system", audited.getFirst().actor());
        assertTrue(audited.getFirst().detail().startsWith("sent 19 FIL from " + funded), audited.getFirst().detail());

        JsonNode listed = null;
        for (JsonNode w : TestNode.json(rest("GET", "/watermarks", null))) {
            if (w.get("address").asString().equals(worker.toString())) {
                listed = w;
            }
        }
        assertEquals("20 FIL", listed.get("balance").asString());
        assertEquals(sent.getFirst().id(), listed.get("lastMessageId").asLong());
        assertTrue(listed.get("lastError").isNull(), listed.toString());

        // Spent below the low mark again within wallet.top-up-interval: no second top-up, a warning instead.
        send(worker, funded, TokenAmount.ofFil(18));
        node.advanceEpochs(1);
        assertEquals(1, topUpsTo(worker).size(), "rate-limited");
        Alert warning = alert(worker).orElseThrow();
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.message().contains("wallet.top-up-interval allows the next top-up at"), warning.message());

        // Refilled by hand: the alert resolves.
        send(funded, worker, TokenAmount.ofFil(10));
        assertTrue(alert(worker).isEmpty(), "resolved once the balance is back above the low mark");
    }

    @Test
    void aWatermarkRemovedAndSetAgainTopsUpAgain() {
        Address worker = walletKey("re-set");
        send(funded, worker, TokenAmount.ofFil(1));
        String band = "{\"low\": \"5 FIL\", \"high\": \"20 FIL\", \"funding\": \"" + funded + "\"}";
        assertEquals(200, rest("PUT", "/watermarks/" + worker, band).statusCode());
        node.advanceEpochs(3);
        assertEquals(TokenAmount.ofFil(20), balance(worker));

        assertEquals(204, rest("DELETE", "/watermarks/" + worker, null).statusCode());
        send(worker, funded, TokenAmount.ofFil(18));
        assertEquals(200, rest("PUT", "/watermarks/" + worker, band).statusCode());
        node.advanceEpochs(1);

        // the new watermark's first top-up must not be taken for the old one's (same address, same count)
        assertEquals(2, topUpsTo(worker).size(), topUpsTo(worker).toString());
        assertTrue(alert(worker).isEmpty(), () -> alert(worker).orElseThrow().message());
        node.advanceEpochs(3);
        assertEquals(TokenAmount.ofFil(20), balance(worker));
    }

    @Test
    void anUnfundableTopUpRaisesAnAlertThatResolvesOnceItCanBeDone() {
        Address target = walletKey("unfundable-target");
        Address funding = walletKey("poor-funding");
        send(funded, funding, TokenAmount.ofFil(2));
        rest("PUT", "/watermarks/" + target, "{\"low\": \"5 FIL\", \"high\": \"20 FIL\", \"funding\": \"" + funding + "\"}");

        node.advanceEpochs(1);
        assertTrue(topUpsTo(target).isEmpty());
        Alert alert = alert(target).orElseThrow();
        assertEquals(Severity.CRITICAL, alert.severity());
        assertTrue(alert.message().contains("the funding address " + funding + " has 2 FIL, not enough for 20 FIL"),
            alert.message());

        node.advanceEpochs(2);
        assertEquals(1, node.node().auth().audit().query(SYSTEM, new AuditQuery(null, "watermark.top-up",
            target.toString(), "failed", null, null, null, 10)).items().size(), "the same failure is audited once");

        // A locked wallet is a reason too (checked before the funding balance).
        node.node().wallets().lock(SYSTEM);
        try {
            node.advanceEpochs(1);
            assertTrue(alert(target).orElseThrow().message().contains("the wallet store is locked"),
                alert(target).orElseThrow().message());
        } finally {
            node.node().wallets().unlock(SYSTEM, TestNode.WALLET_PASSPHRASE);
        }
        assertTrue(topUpsTo(target).isEmpty());

        // Fixed: the funding address gets money, the next head sends the top-up, the balance returns.
        send(funded, funding, TokenAmount.ofFil(100));
        assertEquals(1, topUpsTo(target).size(), "funded and unlocked: the top-up goes out");
        node.advanceEpochs(3);
        assertEquals(TokenAmount.ofFil(20), balance(target));
        assertTrue(alert(target).isEmpty());
        List<Alert> resolved = node.node().alerts().list(SYSTEM, true, 100).stream()
            .filter(a -> a.key().equals("wallet.watermark:" + target)).toList();
        assertTrue(resolved.stream().allMatch(a -> a.resolvedAt().isPresent()), resolved.toString());
    }

    @Test
    void watermarksAreCheckedWhenSetAndNeedTheSignPermissionToChange() {
        Address target = walletKey("checked");
        HttpResponse<String> inverted = rest("PUT", "/watermarks/" + target,
            "{\"low\": \"20 FIL\", \"high\": \"5 FIL\", \"funding\": \"" + funded + "\"}");
        assertEquals(400, inverted.statusCode(), inverted.body());
        assertTrue(TestNode.json(inverted).get("detail").asString().contains("must be below the high mark"));

        Address notHere = dev.granary.crypto.PrivateKey.generate(KeyType.SECP256K1, new java.security.SecureRandom()).address();
        HttpResponse<String> foreign = rest("PUT", "/watermarks/" + target,
            "{\"low\": \"1 FIL\", \"high\": \"5 FIL\", \"funding\": \"" + notHere + "\"}");
        assertEquals(400, foreign.statusCode(), foreign.body());
        assertTrue(TestNode.json(foreign).get("detail").asString().contains("is not in this node's wallet"));

        HttpResponse<String> itself = rest("PUT", "/watermarks/" + funded,
            "{\"low\": \"1 FIL\", \"high\": \"5 FIL\", \"funding\": \"" + funded + "\"}");
        assertEquals(400, itself.statusCode(), itself.body());

        String viewer = node.tokenForNewUser("watermark-viewer", Role.VIEWER);
        assertEquals(200, node.request("GET", "/api/v1/watermarks", null, viewer).statusCode());
        assertEquals(403, node.request("PUT", "/api/v1/watermarks/" + target,
            "{\"low\": \"1 FIL\", \"high\": \"5 FIL\", \"funding\": \"" + funded + "\"}", viewer).statusCode());

        assertEquals(200, rest("PUT", "/watermarks/" + target,
            "{\"low\": \"1 FIL\", \"high\": \"5 FIL\", \"funding\": \"" + funded + "\"}").statusCode());
        assertEquals(204, rest("DELETE", "/watermarks/" + target, null).statusCode());
        assertEquals(404, rest("DELETE", "/watermarks/" + target, null).statusCode());
        node.advanceEpochs(1);
        assertTrue(topUpsTo(target).isEmpty(), "a removed watermark tops nothing up");
    }
}

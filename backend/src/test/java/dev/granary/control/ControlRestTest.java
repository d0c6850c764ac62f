package dev.granary.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Role;
import dev.granary.auth.UserService;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Control addresses, worker and owner changes through REST, checked on chain; and who may do them. */
class ControlRestTest {

    private static final TokenAmount FUNDS = TokenAmount.ofFil(100);

    @TempDir
    static Path home;
    static ControlNode n;

    @BeforeAll
    static void start() {
        n = ControlNode.start(home, "");
    }

    @AfterAll
    static void stop() {
        n.close();
    }

    /** A miner whose owner (secp256k1) and worker (BLS) keys are in the wallet. */
    private record Miner(Address id, Address owner, Address worker) {}

    private static Miner newMiner() {
        Address owner = n.walletKey(KeyType.SECP256K1, "owner");
        Address worker = n.walletKey(KeyType.BLS, "worker");
        n.fund(FUNDS, owner, worker);
        return new Miner(n.createMiner(owner, owner, worker), owner, worker);
    }

    private static JsonNode control(Address miner) {
        return n.getJson("/miners/" + miner + "/control");
    }

    /** The entry of {@code id} in GET .../control. */
    private static JsonNode entry(JsonNode control, Address id) {
        for (JsonNode e : control.get("addresses")) {
            if (e.get("idAddress").asString().equals(id.toString())) {
                return e;
            }
        }
        throw new AssertionError(id + " not in " + control);
    }

    private static List<String> roles(JsonNode entry) {
        List<String> out = new ArrayList<>();
        entry.get("roles").forEach(r -> out.add(r.asString()));
        return out;
    }

    private static JsonNode sent(HttpResponse<String> r, String purpose) {
        assertEquals(202, r.statusCode(), r.body());
        JsonNode m = TestNode.json(r);
        assertEquals("pushed", m.get("state").asString(), r.body());
        assertEquals(purpose, m.get("purpose").asString());
        return m;
    }

    private static String problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return TestNode.json(r).get("detail").asString();
    }

    @Test
    void controlAddressesSetThroughRestAreOnChainAndInTheOverview() {
        Miner m = newMiner();
        Address c1 = n.walletKey(KeyType.SECP256K1, "post-1");
        Address c2 = n.walletKey(KeyType.SECP256K1, "post-2");
        n.fund(TokenAmount.ofFil(7), c1, c2);

        JsonNode message = sent(n.request("PUT", "/miners/" + m.id() + "/control/addresses",
            "{\"addresses\": [\"" + c1 + "\", \"" + c2 + "\"]}"), "control-addresses");
        assertEquals(m.owner().toString(), message.get("from").asString(), "sent by the owner");
        n.settle();
        assertEquals("confirmed", n.getJson("/messages/" + message.get("id").asLong()).get("state").asString());

        JsonNode info = n.getJson("/chain/miners/" + m.id());
        assertEquals("[\"" + n.idOf(c1) + "\",\"" + n.idOf(c2) + "\"]", info.get("ControlAddresses").toString());
        assertEquals(n.idOf(m.worker()).toString(), info.get("Worker").asString(), "the worker is unchanged");
        assertEquals("<empty>", info.get("NewWorker").asString());

        JsonNode control = control(m.id());
        assertEquals(m.id().toString(), control.get("miner").asString());
        JsonNode first = entry(control, n.idOf(c1));
        assertEquals(List.of("control-0", "PoSt"), roles(first));
        assertEquals(c1.toString(), first.get("keyAddress").asString());
        assertEquals("7 FIL", first.get("balance").asString());
        assertTrue(first.get("inWallet").asBoolean());
        assertEquals(List.of("control-1", "PoSt"), roles(entry(control, n.idOf(c2))));
        assertEquals(List.of("owner", "beneficiary"), roles(entry(control, n.idOf(m.owner()))));
        assertEquals(List.of("worker"), roles(entry(control, n.idOf(m.worker()))));

        String again = problem(n.request("PUT", "/miners/" + m.id() + "/control/addresses",
            "{\"addresses\": [\"" + c1 + "\", \"" + c2 + "\"]}"), 409);
        assertTrue(again.contains("nothing to change"), again);

        List<AuditEntry> audited = n.node.node().auth().audit().query(ControlNode.SYSTEM,
            new AuditQuery(null, "control.control-addresses", null, null, null, null, null, 10)).items();
        assertEquals(1, audited.size(), audited.toString());
        assertEquals(m.id().toString(), audited.getFirst().target());
        assertEquals("admin", audited.getFirst().actor());
    }

    @Test
    void aWorkerChangeIsRefusedBeforeItsEpochAndConfirmedAfterIt() {
        Miner m = newMiner();
        Address newWorker = n.walletKey(KeyType.BLS, "new-worker");
        Address control = n.walletKey(KeyType.SECP256K1, "control");
        n.fund(FUNDS, newWorker, control);

        String notBls = problem(n.request("POST", "/miners/" + m.id() + "/control/worker",
            "{\"newWorker\": \"" + control + "\"}"), 400);
        assertTrue(notBls.contains("needs a BLS key"), notBls);

        sent(n.request("POST", "/miners/" + m.id() + "/control/worker", "{\"newWorker\": \"" + newWorker + "\"}"),
            "change-worker");
        n.settle();
        JsonNode pending = control(m.id());
        assertEquals(n.idOf(newWorker).toString(), pending.get("pendingWorker").asString());
        long effectiveAt = pending.get("pendingWorkerEffectiveAt").asLong();
        assertTrue(effectiveAt > pending.get("headEpoch").asLong(), pending.toString());

        // Setting control addresses meanwhile keeps the pending change (the pending worker goes in the params).
        sent(n.request("PUT", "/miners/" + m.id() + "/control/addresses", "{\"addresses\": [\"" + control + "\"]}"),
            "control-addresses");
        n.settle();
        JsonNode info = n.getJson("/chain/miners/" + m.id());
        assertEquals(n.idOf(newWorker).toString(), info.get("NewWorker").asString());
        assertEquals(effectiveAt, info.get("WorkerChangeEpoch").asLong());
        assertEquals("[\"" + n.idOf(control) + "\"]", info.get("ControlAddresses").toString());

        String early = problem(n.request("POST", "/miners/" + m.id() + "/control/worker/confirm", "{}"), 409);
        assertTrue(early.contains("takes effect at epoch " + effectiveAt), early);
        String wrong = problem(n.request("POST", "/miners/" + m.id() + "/control/worker/confirm",
            "{\"newWorker\": \"" + m.worker() + "\"}"), 409);
        assertTrue(wrong.contains("does not match the pending change"), wrong);

        n.node.advanceEpochs(effectiveAt - n.node.node().chain().chainHead().height());
        sent(n.request("POST", "/miners/" + m.id() + "/control/worker/confirm", "{\"newWorker\": \"" + newWorker + "\"}"),
            "confirm-worker");
        n.settle();
        JsonNode after = control(m.id());
        assertTrue(after.get("pendingWorker").isNull(), after.toString());
        assertEquals(List.of("worker"), roles(entry(after, n.idOf(newWorker))));
        assertEquals(n.idOf(newWorker).toString(), n.getJson("/chain/miners/" + m.id()).get("Worker").asString());
    }

    @Test
    void anOwnerChangeIsProposedByTheOwnerAndConfirmedByTheNewOwner() {
        Miner m = newMiner();
        Address newOwner = n.walletKey(KeyType.SECP256K1, "new-owner");
        n.fund(FUNDS, newOwner);

        String notYet = problem(n.request("POST", "/miners/" + m.id() + "/control/owner/confirm",
            "{\"newOwner\": \"" + newOwner + "\"}"), 409);
        assertTrue(notYet.contains("no owner change is pending"), notYet);

        JsonNode proposal = sent(n.request("POST", "/miners/" + m.id() + "/control/owner",
            "{\"newOwner\": \"" + newOwner + "\"}"), "change-owner");
        assertEquals(m.owner().toString(), proposal.get("from").asString());
        n.settle();
        assertEquals(n.idOf(newOwner).toString(), control(m.id()).get("pendingOwner").asString());

        JsonNode confirmation = sent(n.request("POST", "/miners/" + m.id() + "/control/owner/confirm",
            "{\"newOwner\": \"" + newOwner + "\"}"), "confirm-owner");
        assertEquals(newOwner.toString(), confirmation.get("from").asString(), "the new owner confirms");
        n.settle();
        JsonNode after = control(m.id());
        assertTrue(after.get("pendingOwner").isNull(), after.toString());
        assertEquals(List.of("owner", "beneficiary"), roles(entry(after, n.idOf(newOwner))));
        assertEquals(n.idOf(newOwner).toString(), n.getJson("/chain/miners/" + m.id()).get("Owner").asString());
    }

    @Test
    void waitReturnsTheConfirmedMessage() throws Exception {
        Miner m = newMiner();
        Address c = n.walletKey(KeyType.SECP256K1, "waited");
        n.fund(FUNDS, c);
        Thread ticker = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                n.node.advanceEpochs(1);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            HttpResponse<String> r = n.request("PUT", "/miners/" + m.id() + "/control/addresses",
                "{\"addresses\": [\"" + c + "\"], \"wait\": true, \"timeout\": \"30s\"}");
            assertEquals(200, r.statusCode(), r.body());
            JsonNode message = TestNode.json(r);
            assertEquals("confirmed", message.get("state").asString());
            assertEquals(0, message.get("exitCode").asLong());
        } finally {
            ticker.interrupt();
            ticker.join();
        }
    }

    @Test
    void changesThatWouldFailOnChainAreRefusedBeforeAnythingIsSigned() {
        PrivateKey outsider = ControlNode.outsideKey(KeyType.SECP256K1);
        Address worker = n.walletKey(KeyType.BLS, "worker");
        Address control = n.walletKey(KeyType.SECP256K1, "control");
        n.fund(FUNDS, outsider.address(), worker, control);
        Address miner = n.createMiner(n.funded, outsider.address(), worker);

        String noKey = problem(n.request("PUT", "/miners/" + miner + "/control/addresses",
            "{\"addresses\": [\"" + control + "\"]}"), 409);
        assertTrue(noKey.contains("the owner " + n.idOf(outsider.address()) + " (" + outsider.address()
            + ") is not in this node's wallet; import its key first"), noKey);

        Address unknown = ControlNode.outsideKey(KeyType.SECP256K1).address();
        String noActor = problem(n.request("PUT", "/miners/" + miner + "/control/addresses",
            "{\"addresses\": [\"" + unknown + "\"]}"), 400);
        assertTrue(noActor.contains(unknown + " has no actor on chain yet"), noActor);

        String notMiner = problem(n.request("GET", "/miners/" + n.idOf(control) + "/control", null), 404);
        assertTrue(notMiner.contains("no miner actor"), notMiner);
        problem(n.request("GET", "/miners/f099999/control", null), 404);
        String badPath = problem(n.request("GET", "/miners/not-an-address/control", null), 400);
        assertTrue(badPath.startsWith("path parameter id"), badPath);
        problem(n.request("PUT", "/miners/" + miner + "/control/addresses", "{}"), 400);

        // Once the owner's key is imported, the same change goes out.
        n.importKey(outsider);
        sent(n.request("PUT", "/miners/" + miner + "/control/addresses", "{\"addresses\": [\"" + control + "\"]}"),
            "control-addresses");
        n.settle();
    }

    @Test
    void aUserLimitedToOneMinerSeesAndChangesOnlyThatOne() {
        Miner mine = newMiner();
        Miner other = newMiner();
        n.node.node().auth().users().create(ControlNode.SYSTEM, new UserService.NewUser("limited", "limited",
            "pw-limited-0123456789", Role.SIGNER.id(), List.of(mine.id().toString())));
        String token = n.node.signIn("limited", "pw-limited-0123456789");

        assertEquals(200, n.node.request("GET", "/api/v1/miners/" + mine.id() + "/control", null, token).statusCode());
        HttpResponse<String> refused = n.node.request("GET", "/api/v1/miners/" + other.id() + "/control", null, token);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(TestNode.json(refused).get("detail").asString().contains("may act only on miner " + mine.id()),
            refused.body());
        Address c = n.walletKey(KeyType.SECP256K1, "limited-control");
        n.fund(FUNDS, c);
        HttpResponse<String> change = n.node.request("PUT", "/api/v1/miners/" + other.id() + "/control/addresses",
            "{\"addresses\": [\"" + c + "\"]}", token);
        assertEquals(403, change.statusCode(), change.body());
        assertEquals(403, n.node.request("GET", "/api/v1/miners/" + other.id() + "/control/selection", null, token)
            .statusCode());

        JsonNode listed = TestNode.json(n.node.request("GET", "/api/v1/miners", null, token));
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(mine.id().toString(), listed.get(0).get("miner").asString());
        assertEquals("[\"owner\",\"worker\"]", listed.get(0).get("rolesHere").toString());
        List<String> all = new ArrayList<>();
        n.getJson("/miners").forEach(e -> all.add(e.get("miner").asString()));
        assertTrue(all.contains(mine.id().toString()) && all.contains(other.id().toString()), all.toString());
    }
}

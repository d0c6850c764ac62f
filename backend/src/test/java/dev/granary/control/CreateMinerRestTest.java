package dev.granary.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Role;
import dev.granary.auth.UserService;
import dev.granary.crypto.KeyType;
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

/** POST /api/v1/miners: a miner created from keys of the node's wallet, like lotus-miner init. */
class CreateMinerRestTest {

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

    private static String problem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return TestNode.json(r).get("detail").asString();
    }

    private static List<String> roles(JsonNode control, Address id) {
        for (JsonNode e : control.get("addresses")) {
            if (e.get("idAddress").asString().equals(id.toString())) {
                List<String> out = new ArrayList<>();
                e.get("roles").forEach(r -> out.add(r.asString()));
                return out;
            }
        }
        throw new AssertionError(id + " not in " + control);
    }

    @Test
    void aMinerCreatedFromWalletKeysIsControlledByThem() {
        Address owner = n.walletKey(KeyType.SECP256K1, "new-owner");
        Address worker = n.walletKey(KeyType.BLS, "new-worker");
        n.fund(FUNDS, owner, worker);

        HttpResponse<String> r = n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \"" + worker
            + "\", \"sectorSize\": \"2KiB\", \"deposit\": \"2 FIL\", \"idempotencyKey\": \"miner-1\"}");
        assertEquals(202, r.statusCode(), r.body());
        JsonNode sent = TestNode.json(r);
        assertTrue(sent.get("miner").isNull(), "no miner before the message executes: " + r.body());
        JsonNode message = sent.get("message");
        assertEquals("create-miner", message.get("purpose").asString());
        assertEquals(owner.toString(), message.get("from").asString(), "the owner signs");
        assertEquals("f04", message.get("to").asString());
        assertEquals(TokenAmount.ofFil(2).attoFil().toString(), message.get("value").asString());
        assertEquals("/api/v1/messages/" + message.get("id").asLong(), r.headers().firstValue("Location").orElseThrow());
        n.settle();

        // A retry with the same key sends nothing and now shows the miner the first request created.
        HttpResponse<String> again = n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \""
            + worker + "\", \"sectorSize\": \"2KiB\", \"deposit\": \"2 FIL\", \"idempotencyKey\": \"miner-1\"}");
        assertEquals(200, again.statusCode(), again.body());
        JsonNode done = TestNode.json(again);
        assertEquals(message.get("id").asLong(), done.get("message").get("id").asLong());
        assertEquals("confirmed", done.get("message").get("state").asString());
        String miner = done.get("miner").get("idAddress").asString();
        assertTrue(done.get("miner").get("robustAddress").asString().startsWith("f2"), again.body());

        JsonNode control = n.getJson("/miners/" + miner + "/control");
        assertEquals(miner, control.get("miner").asString());
        assertEquals(List.of("owner", "beneficiary"), roles(control, n.idOf(owner)));
        assertEquals(List.of("worker"), roles(control, n.idOf(worker)));
        assertEquals(2048, n.getJson("/chain/miners/" + miner).get("SectorSize").asLong());
        assertEquals("2 FIL", n.balance(Address.parse(miner)).toString());
        List<String> listed = new ArrayList<>();
        n.getJson("/miners").forEach(m -> listed.add(m.get("miner").asString()));
        assertTrue(listed.contains(miner), listed.toString());

        List<AuditEntry> audited = n.node.node().auth().audit().query(ControlNode.SYSTEM,
            new AuditQuery(null, "control.create-miner", owner.toString(), null, null, null, null, 10)).items();
        assertEquals(1, audited.size(), "one entry, not one per retry: " + audited);
        assertEquals("admin", audited.getFirst().actor());
        assertTrue(audited.getFirst().detail().contains("worker " + worker + ", sector size 2 KiB"), audited.toString());
    }

    @Test
    void waitingAnswersCreatedWithTheMinersControlPage() throws Exception {
        Address owner = n.walletKey(KeyType.SECP256K1, "waited-owner");
        Address worker = n.walletKey(KeyType.BLS, "waited-worker");
        n.fund(FUNDS, owner, worker);
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
            HttpResponse<String> r = n.request("POST", "/miners", "{\"owner\": \"" + n.idOf(owner) + "\", \"worker\": \""
                + worker + "\", \"sectorSize\": \"32GiB\", \"wait\": true, \"timeout\": \"30s\"}");
            assertEquals(201, r.statusCode(), r.body());
            JsonNode created = TestNode.json(r);
            String miner = created.get("miner").get("idAddress").asString();
            assertEquals("/api/v1/miners/" + miner + "/control", r.headers().firstValue("Location").orElseThrow());
            assertEquals(owner.toString(), created.get("message").get("from").asString(), "the owner's key signs");
            assertEquals(34359738368L, n.getJson("/chain/miners/" + miner).get("SectorSize").asLong());
        } finally {
            ticker.interrupt();
            ticker.join();
        }
    }

    @Test
    void whatTheMinerActorWouldRefuseIsRefusedBeforeAnythingIsSigned() {
        Address owner = n.walletKey(KeyType.SECP256K1, "checked-owner");
        Address secpWorker = n.walletKey(KeyType.SECP256K1, "not-bls");
        Address unfundedWorker = n.walletKey(KeyType.BLS, "no-actor");
        Address outsider = ControlNode.outsideKey(KeyType.SECP256K1).address();
        Address worker = n.walletKey(KeyType.BLS, "checked-worker");
        n.fund(FUNDS, owner, secpWorker, outsider, worker);

        String notInWallet = problem(n.request("POST", "/miners", "{\"owner\": \"" + outsider + "\", \"worker\": \""
            + worker + "\", \"sectorSize\": \"2KiB\"}"), 409);
        assertTrue(notInWallet.contains(outsider + " is not in this node's wallet; import its key first"), notInWallet);
        String notBls = problem(n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \""
            + secpWorker + "\", \"sectorSize\": \"2KiB\"}"), 400);
        assertTrue(notBls.contains("the worker must be a BLS (f3) key"), notBls);
        String noActor = problem(n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \""
            + unfundedWorker + "\", \"sectorSize\": \"2KiB\"}"), 400);
        assertTrue(noActor.contains(unfundedWorker + " has no actor on chain yet; send it some FIL first"), noActor);
        String size = problem(n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \"" + worker
            + "\", \"sectorSize\": \"4KiB\"}"), 400);
        assertTrue(size.contains("use 2KiB, 8MiB, 512MiB, 32GiB or 64GiB"), size);
        problem(n.request("POST", "/miners", "{\"worker\": \"" + worker + "\", \"sectorSize\": \"2KiB\"}"), 400);
        problem(n.request("POST", "/miners", "{\"owner\": \"" + owner + "\", \"worker\": \"" + worker + "\"}"), 400);

        // The owner need not sign: another wallet key may send (lotus-miner init --from), the owner only needs an actor.
        HttpResponse<String> fromOther = n.request("POST", "/miners", "{\"owner\": \"" + outsider + "\", \"worker\": \""
            + worker + "\", \"from\": \"" + owner + "\", \"sectorSize\": \"2KiB\"}");
        assertEquals(202, fromOther.statusCode(), fromOther.body());
        assertEquals(owner.toString(), TestNode.json(fromOther).get("message").get("from").asString());
        n.settle();
        assertEquals(0, n.node.node().messages().get(ControlNode.SYSTEM,
            TestNode.json(fromOther).get("message").get("id").asLong()).exitCode().orElseThrow());
    }

    @Test
    void onlySignersForAllMinersMayCreateOne() {
        Address owner = n.walletKey(KeyType.SECP256K1, "perm-owner");
        Address worker = n.walletKey(KeyType.BLS, "perm-worker");
        n.fund(FUNDS, owner, worker);
        String body = "{\"owner\": \"" + owner + "\", \"worker\": \"" + worker + "\", \"sectorSize\": \"2KiB\"}";
        String viewer = n.node.tokenForNewUser("miner-viewer", Role.VIEWER);
        assertEquals(403, n.node.request("POST", "/api/v1/miners", body, viewer).statusCode());
        n.node.node().auth().users().create(ControlNode.SYSTEM, new UserService.NewUser("one-miner", "one-miner",
            "pw-one-miner-0123456789", Role.SIGNER.id(), List.of("f01000")));
        String limited = n.node.signIn("one-miner", "pw-one-miner-0123456789");
        HttpResponse<String> refused = n.node.request("POST", "/api/v1/miners", body, limited);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(TestNode.json(refused).get("detail").asString().contains("a user for all miners must create new ones"),
            refused.body());
        String signer = n.node.tokenForNewUser("miner-signer", Role.SIGNER);
        assertEquals(202, n.node.request("POST", "/api/v1/miners", body, signer).statusCode());
        n.settle();
    }
}

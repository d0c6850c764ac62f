package dev.granary.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSetKey;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.crypto.Signature;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The wallet store through REST and its service on one running node (unlocked at start). */
class WalletStoreTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String admin;
    static String signer;
    static String operator;
    static String viewer;

    @BeforeAll
    static void start() {
        node = TestNode.start(home);
        admin = node.adminToken();
        signer = node.tokenForNewUser("wallet-signer", Role.SIGNER);
        operator = node.tokenForNewUser("wallet-operator", Role.OPERATOR);
        viewer = node.tokenForNewUser("wallet-viewer", Role.VIEWER);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static HttpResponse<String> call(String method, String path, Object body, String token) {
        return node.request(method, "/api/v1" + path, body == null ? null : TestNode.JSON.writeValueAsString(body), token);
    }

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return r.body().isEmpty() ? null : TestNode.json(r);
    }

    private static String create(String type, String label) {
        return ok(call("POST", "/wallets", Map.of("type", type, "label", label), signer), 201).get("address").asString();
    }

    private static String export(String address, String format) {
        return ok(call("POST", "/wallets/" + address + "/export", Map.of("format", format), admin), 200).get("key").asString();
    }

    private static WalletService wallets() {
        return node.node().wallets();
    }

    @Test
    void theDevnetFundedKeyIsAdoptedAsTheDefaultAndShowsItsBalance() {
        PrivateKey funded = new ChainKeyFiles(home).load(ChainKeyFiles.FUNDED).orElseThrow();
        JsonNode list = ok(call("GET", "/wallets", null, viewer), 200);
        assertEquals("unlocked", list.get("lockState").asString());
        assertEquals(funded.address().toString(), list.get("default").asString());
        JsonNode first = list.get("wallets").get(0);
        assertEquals(funded.address().toString(), first.get("address").asString());
        assertEquals(WalletService.FUNDED_KEY_LABEL, first.get("label").asString());
        assertTrue(first.get("default").asBoolean());
        TokenAmount balance = node.node().chain().walletBalance(funded.address());
        assertTrue(balance.signum() > 0);
        assertEquals(balance.toString(), first.get("balance").asString());
        assertEquals(balance.attoFil().toString(), first.get("balanceAttoFil").asString());
        assertTrue(first.get("idAddress").asString().startsWith("f0"), first.toString());
        assertEquals("0 FIL", first.at("/market/escrow").asString());
    }

    @Test
    void keysCreatedHereExportToBothLotusFormatsAndImportBackToTheSameAddress() {
        for (String type : List.of("secp256k1", "bls")) {
            String address = create(type, "round trip " + type);
            String hex = export(address, "hex-lotus");
            String json = export(address, "json-lotus");
            assertTrue(json.startsWith("{\"Type\":\"" + type + "\",\"PrivateKey\":\""), json.substring(0, 20));
            assertEquals(address, KeyFormat.HEX_LOTUS.importKey(hex).address().toString());
            assertEquals(address, KeyFormat.JSON_LOTUS.importKey(json).address().toString());
            assertEquals(json, new String(HexFormat.of().parseHex(hex)), "hex-lotus is the hex of the KeyInfo JSON");

            ok(call("DELETE", "/wallets/" + address + "?confirm=" + address, null, admin), 204);
            ok(call("GET", "/wallets/" + address, null, viewer), 404);
            JsonNode imported = ok(call("POST", "/wallets/import", Map.of("format", "hex-lotus", "key", hex,
                "label", "back"), admin), 201);
            assertEquals(address, imported.get("address").asString());
            ok(call("DELETE", "/wallets/" + address + "?confirm=" + address, null, admin), 204);
            assertEquals(address, ok(call("POST", "/wallets/import", Map.of("format", "json-lotus", "key", json),
                admin), 201).get("address").asString());
            HttpResponse<String> again = call("POST", "/wallets/import", Map.of("key", hex), admin);
            assertEquals(409, again.statusCode(), again.body());
        }
    }

    @Test
    void theVectorKeysImportToTheirAddressesAndSignTheVectorMessagesExactly() {
        JsonNode vectors = vectors();
        JsonNode secp = vectors.at("/messages/secp256k1");
        String secpAddress = importVector("secp256k1", secp.get("private_key_base64").asString());
        assertEquals(Address.parse(vectors.at("/addresses/secp256k1/0/testnet_address").asString()).toString(), secpAddress);
        JsonNode bls = vectors.at("/messages/bls");
        String blsAddress = importVector("bls", bls.get("private_key_base64_little_endian").asString());
        assertEquals(Address.parse(vectors.at("/addresses/bls/0/testnet_address").asString()).toString(), blsAddress);

        // secp256k1 signs the CID bytes deterministically (RFC 6979), so the vector's signature comes out exactly.
        String secpCid = secp.get("cid_bytes").asString();
        JsonNode secpSig = ok(call("POST", "/wallets/" + secpAddress + "/sign", Map.of("data", secpCid), signer), 200);
        assertEquals(secp.get("signature_base64").asString(), secpSig.get("Data").asString());
        assertEquals(1, secpSig.get("Type").asInt());
        assertEquals("01" + HexFormat.of().formatHex(Base64.getDecoder().decode(secp.get("signature_base64").asString())),
            secpSig.get("lotusHex").asString());

        String blsCid = HexFormat.of().formatHex(dev.granary.multiformats.Cid.parse(bls.get("cid").asString()).bytes());
        JsonNode blsSig = ok(call("POST", "/wallets/" + blsAddress + "/sign", Map.of("data", blsCid), signer), 200);
        assertEquals(bls.get("signature_base64").asString(), blsSig.get("Data").asString());
        assertEquals(2, blsSig.get("Type").asInt());

        JsonNode valid = ok(call("POST", "/wallets/verify", Map.of("address", blsAddress, "data", blsCid,
            "signature", blsSig.get("lotusHex").asString()), viewer), 200);
        assertTrue(valid.get("valid").asBoolean());
        JsonNode wrongData = ok(call("POST", "/wallets/verify", Map.of("address", blsAddress, "data", secpCid,
            "signature", blsSig.get("lotusHex").asString()), viewer), 200);
        assertFalse(wrongData.get("valid").asBoolean());
        JsonNode wrongSigner = ok(call("POST", "/wallets/verify", Map.of("address", blsAddress, "data", secpCid,
            "signature", secpSig.get("lotusHex").asString()), viewer), 200);
        assertFalse(wrongSigner.get("valid").asBoolean());
    }

    /** The public vectors (testdata/vectors/filecoin.json on the test class path). */
    static JsonNode vectors() {
        try (java.io.InputStream in = WalletStoreTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return TestNode.JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String importVector(String type, String privateKeyBase64) {
        String json = "{\"Type\":\"" + type + "\",\"PrivateKey\":\"" + privateKeyBase64 + "\"}";
        HttpResponse<String> r = call("POST", "/wallets/import", Map.of("format", "json-lotus", "key", json,
            "label", "vector " + type), admin);
        if (r.statusCode() == 409) { // imported by an earlier test method
            return KeyFormat.JSON_LOTUS.importKey(json).address().toString();
        }
        return ok(r, 201).get("address").asString();
    }

    @Test
    void aLockedStoreStillListsBalancesButRefusesToSignUntilUnlockedWithTheRightPassphrase() {
        String address = create("secp256k1", "lock test");
        try {
            assertEquals("locked", ok(call("POST", "/wallets/lock", Map.of(), admin), 200).get("lockState").asString());
            JsonNode list = ok(call("GET", "/wallets", null, viewer), 200);
            assertEquals("locked", list.get("lockState").asString());
            assertTrue(list.get("wallets").get(0).get("balanceAttoFil").asString().length() > 18, list.toString());

            HttpResponse<String> sign = call("POST", "/wallets/" + address + "/sign", Map.of("data", "00"), signer);
            assertEquals(423, sign.statusCode(), sign.body());
            assertTrue(sign.body().contains("wallet-locked"), sign.body());
            assertTrue(TestNode.json(sign).get("detail").asString().startsWith("wallet locked: unlock the wallet store"),
                sign.body());
            assertEquals(423, call("POST", "/wallets", Map.of("type", "bls"), signer).statusCode());
            assertEquals(423, call("POST", "/wallets/" + address + "/export", Map.of(), admin).statusCode());

            HttpResponse<String> wrong = call("POST", "/wallets/unlock", Map.of("passphrase", "not the passphrase"), admin);
            assertEquals(400, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("wrong wallet passphrase"), wrong.body());
            assertFalse(wrong.body().contains("not the passphrase"), wrong.body());
            assertEquals("locked", ok(call("GET", "/wallets/lock-state", null, viewer), 200).get("lockState").asString());
            assertEquals(403, call("POST", "/wallets/unlock", Map.of("passphrase", TestNode.WALLET_PASSPHRASE), signer)
                .statusCode(), "unlocking is an admin's");
        } finally {
            ok(call("POST", "/wallets/unlock", Map.of("passphrase", TestNode.WALLET_PASSPHRASE), admin), 200);
        }
        assertEquals(LockState.UNLOCKED, wallets().lockState());
        ok(call("POST", "/wallets/" + address + "/sign", Map.of("data", "00"), signer), 200);
    }

    @Test
    void everySignatureIsRecordedWithItsReasonActorAndMessageCid() {
        String address = create("bls", "recorded");
        ok(call("POST", "/wallets/" + address + "/sign", Map.of("data", "cafe", "reason", "proving I hold it"), signer), 200);
        Address funded = wallets().defaultAddress().orElseThrow();
        Message draft = new Message(0, Address.parse(address), funded, node.node().chain().mpoolGetNonce(funded),
            TokenAmount.parse("1 FIL"), 0, TokenAmount.ZERO, TokenAmount.ZERO, 0, new byte[0]);
        Message estimated = node.node().chain().gasEstimateMessageGas(draft, Optional.empty());
        SignedMessage signed = wallets().signMessage(Actor.system(), estimated, "funding a new key");
        assertTrue(signed.verify(), "the signature is the sender's over the message CID");

        JsonNode page = ok(call("GET", "/wallets/signatures?limit=2", null, viewer), 200);
        JsonNode newest = page.at("/items/0");
        assertEquals(funded.toString(), newest.get("address").asString());
        assertEquals(signed.cid().toString(), newest.get("messageCid").asString());
        assertEquals("funding a new key", newest.get("reason").asString());
        assertEquals("system", newest.get("actor").asString());
        JsonNode older = page.at("/items/1");
        assertEquals(address, older.get("address").asString());
        assertTrue(older.get("messageCid").isNull());
        assertEquals("proving I hold it", older.get("reason").asString());
        assertEquals("wallet-signer", older.get("actor").asString());

        JsonNode mine = ok(call("GET", "/wallets/signatures?address=" + address, null, viewer), 200);
        assertEquals(1, mine.get("items").size(), mine.toString());
    }

    @Test
    void exportIsAuditedNeverCachedAndOnlyForAdmins() {
        String address = create("secp256k1", "export test");
        assertEquals(403, call("POST", "/wallets/" + address + "/export", Map.of(), signer).statusCode());
        HttpResponse<String> r = call("POST", "/wallets/" + address + "/export", Map.of(), admin);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("hex-lotus", TestNode.json(r).get("format").asString());
        Actor adminActor = new Actor(node.node().auth().tokens().verify(admin), "test", "audit");
        List<AuditEntry> entries = node.node().auth().audit().query(adminActor,
            new AuditQuery(null, "wallet export", address, null, null, null, null, 10)).items();
        assertEquals(1, entries.size(), entries.toString());
        assertEquals("admin", entries.getFirst().actor());
        String key = TestNode.json(r).get("key").asString();
        List<AuditEntry> all = node.node().auth().audit().query(adminActor,
            new AuditQuery(null, null, null, null, null, null, null, 500)).items();
        assertTrue(all.stream().noneMatch(e -> (e.target() + e.detail()).contains(key.substring(0, 40))),
            "no audit entry holds the key");
    }

    @Test
    void labelsAndTheDefaultChangeWithTheirPermissions() {
        String address = create("secp256k1", "first label");
        assertEquals(403, call("PATCH", "/wallets/" + address, Map.of("label", "x"), viewer).statusCode());
        assertEquals("renamed", ok(call("PATCH", "/wallets/" + address, Map.of("label", "renamed"), operator), 200)
            .get("label").asString());
        Address previous = wallets().defaultAddress().orElseThrow();
        assertEquals(403, call("POST", "/wallets/" + address + "/default", Map.of(), operator).statusCode());
        try {
            assertTrue(ok(call("POST", "/wallets/" + address + "/default", Map.of(), signer), 200).get("default").asBoolean());
            assertEquals(address, ok(call("GET", "/wallets", null, viewer), 200).get("default").asString());
        } finally {
            wallets().setDefault(Actor.system(), previous);
        }
        JsonNode byId = ok(call("GET", "/wallets/" + node.node().chain().stateLookupId(previous, TipSetKey.EMPTY)
            .orElseThrow(), null, viewer), 200);
        assertEquals(previous.toString(), byId.get("address").asString(), "an f0 finds the key behind it");
    }

    @Test
    void deletingNeedsAnAdminAConfirmationAndIsRefusedForAMinersOwnerAndWorker() {
        String spare = create("secp256k1", "spare");
        assertEquals(403, call("DELETE", "/wallets/" + spare + "?confirm=" + spare, null, signer).statusCode());
        HttpResponse<String> unconfirmed = call("DELETE", "/wallets/" + spare, null, admin);
        assertEquals(400, unconfirmed.statusCode(), unconfirmed.body());
        assertTrue(unconfirmed.body().contains("confirm"), unconfirmed.body());
        assertEquals(400, call("DELETE", "/wallets/" + spare + "?confirm=f01", null, admin).statusCode());
        assertTrue(wallets().has(Address.parse(spare)));

        Address owner = wallets().defaultAddress().orElseThrow();
        Address worker = Address.parse(create("bls", "worker"));
        assertEquals(0, send(owner, worker, TokenAmount.parse("5 FIL"), 0, new byte[0]).exitCode());
        MessageReceipt created = send(owner, SingletonActors.POWER, TokenAmount.ZERO, PowerMethods.CREATE_MINER,
            CreateMinerParams.CODEC.encode(new CreateMinerParams(owner, worker, 10, new byte[0], List.of())));
        assertEquals(0, created.exitCode());
        Address miner = CreateMinerReturn.CODEC.decode(created.returnValue()).idAddress();
        assertTrue(node.node().chain().stateListMiners(TipSetKey.EMPTY).contains(miner), "StateListMiners lists it");

        HttpResponse<String> workerDelete = call("DELETE", "/wallets/" + worker + "?confirm=" + worker, null, admin);
        assertEquals(409, workerDelete.statusCode(), workerDelete.body());
        assertTrue(workerDelete.body().contains("worker of " + miner), workerDelete.body());
        HttpResponse<String> ownerDelete = call("DELETE", "/wallets/" + owner + "?confirm=" + owner, null, admin);
        assertEquals(409, ownerDelete.statusCode(), ownerDelete.body());
        assertTrue(ownerDelete.body().contains("owner of " + miner), ownerDelete.body());
        assertTrue(wallets().has(worker) && wallets().has(owner));

        ok(call("DELETE", "/wallets/" + spare + "?confirm=" + spare, null, admin), 204);
        assertFalse(wallets().has(Address.parse(spare)));
    }

    /** Sends from a wallet key through the chain API: estimate, sign in the store, push, two epochs. */
    private static MessageReceipt send(Address from, Address to, TokenAmount value, long method, byte[] params) {
        ChainApi chain = node.node().chain();
        Message draft = new Message(0, to, from, chain.mpoolGetNonce(from), value, 0, TokenAmount.ZERO, TokenAmount.ZERO,
            method, params);
        SignedMessage signed = wallets().signMessage(Actor.system(), chain.gasEstimateMessageGas(draft, Optional.empty()),
            "test");
        chain.mpoolPush(signed);
        node.advanceEpochs(2);
        return chain.stateSearchMsg(signed.cid()).orElseThrow().receipt();
    }

    /** A Lotus JSON signature with the wrong types is the caller's mistake (400 naming the fields), never a 500. */
    @Test
    void verifyRefusesAMistypedLotusJsonSignatureWith400() {
        String address = wallets().defaultAddress().orElseThrow().toString();
        for (String signature : List.of("{\"Type\": 1, \"Data\": {\"a\": 1}}", "{\"Type\": \"x\", \"Data\": \"AA==\"}",
                "{\"Type\": 99999999999, \"Data\": \"AA==\"}", "{\"Type\": 1, \"Data\": [1]}")) {
            HttpResponse<String> r = node.request("POST", "/api/v1/wallets/verify", "{\"address\": \"" + address
                + "\", \"data\": \"00\", \"signature\": " + signature + "}", viewer);
            assertEquals(400, r.statusCode(), signature + " -> " + r.body());
            assertTrue(r.body().contains("signature"), r.body());
        }
    }

    @Test
    void theServiceChecksPermissionsItselfAndNeverPrintsSecrets() {
        Actor viewerActor = new Actor(node.node().auth().tokens().verify(viewer), "test", "perm");
        assertThrows(dev.granary.auth.AccessDeniedException.class,
            () -> wallets().create(viewerActor, KeyType.SECP256K1, ""));
        assertThrows(dev.granary.auth.AccessDeniedException.class, () -> wallets().lock(viewerActor));
        assertEquals(LockState.UNLOCKED, wallets().lockState());
        Signature sig = wallets().sign(Actor.system(), wallets().defaultAddress().orElseThrow(), new byte[] {1}, "t");
        assertTrue(wallets().verify(wallets().defaultAddress().orElseThrow(), new byte[] {1}, sig));
        assertNotEquals(-1, wallets().toString().indexOf("UNLOCKED"));
    }
}

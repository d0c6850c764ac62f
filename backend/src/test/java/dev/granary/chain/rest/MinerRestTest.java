package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.miner.ChangeWorkerAddressParams;
import dev.granary.chain.actors.miner.MinerMethods;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A miner's life through REST: CreateMiner, then a worker change that takes effect only after the delay. */
class MinerRestTest {

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

    private static String idOf(Address address) {
        return chain.getJson("/chain/actors/" + address).get("idAddress").asString();
    }

    /** Gives each key an account (a transfer creates it), all in one tipset. */
    private static void fund(PrivateKey... keys) {
        for (PrivateKey key : keys) {
            chain.pushAccepted(chain.transfer(chain.funded, key.address(), TokenAmount.parse("10 FIL")));
        }
        chain.advance(2);
    }

    private static JsonNode run(long method, Address to, byte[] params) {
        SignedMessage m = chain.call(chain.funded, to, TokenAmount.ZERO, method, params);
        return chain.execute(m);
    }

    @Test
    void aMinerIsCreatedAndItsWorkerChangesOnlyAfterTheDelayAndTheOwnersConfirmation() {
        PrivateKey worker = ChainRestNode.newKey(KeyType.BLS);
        PrivateKey newWorker = ChainRestNode.newKey(KeyType.BLS);
        PrivateKey control = ChainRestNode.newKey(KeyType.SECP256K1);
        fund(worker, newWorker, control);

        JsonNode created = run(PowerMethods.CREATE_MINER, SingletonActors.POWER, CreateMinerParams.CODEC.encode(
            new CreateMinerParams(chain.funded.address(), worker.address(), 10, new byte[0], List.of())));
        assertEquals(0, created.at("/Receipt/ExitCode").asLong(), created.toString());
        CreateMinerReturn miner = CreateMinerReturn.CODEC.decode(
            Base64.getDecoder().decode(created.at("/Receipt/Return").asString()));
        assertTrue(miner.robustAddress().toString().startsWith("f2"), miner.toString());

        JsonNode info = chain.getJson("/chain/miners/" + miner.idAddress());
        assertEquals(idOf(chain.funded.address()), info.get("Owner").asString());
        assertEquals(idOf(worker.address()), info.get("Worker").asString());
        assertEquals(0, info.get("ControlAddresses").size());
        assertEquals("<empty>", info.get("NewWorker").asString());
        assertEquals(-1, info.get("WorkerChangeEpoch").asLong());
        assertEquals(2048, info.get("SectorSize").asLong());
        assertEquals(10, info.get("WindowPoStProofType").asLong());
        assertEquals(info.get("Owner"), info.get("Beneficiary"));
        assertEquals(info, chain.getJson("/chain/miners/" + miner.robustAddress()), "the same miner by its robust address");
        assertEquals("storageminer", chain.getJson("/chain/actors/" + miner.idAddress()).get("kind").asString());

        JsonNode changed = run(MinerMethods.CHANGE_WORKER_ADDRESS, miner.idAddress(), ChangeWorkerAddressParams.CODEC.encode(
            new ChangeWorkerAddressParams(newWorker.address(), List.of(control.address()))));
        assertEquals(0, changed.at("/Receipt/ExitCode").asLong(), changed.toString());
        long effectiveAt = changed.get("IncludedAt").asLong() + ChainPolicy.devnet().workerKeyChangeDelay();
        info = chain.getJson("/chain/miners/" + miner.idAddress());
        assertEquals("[\"" + idOf(control.address()) + "\"]", info.get("ControlAddresses").toString(),
            "control addresses change at once");
        assertEquals(idOf(worker.address()), info.get("Worker").asString(), "the worker does not");
        assertEquals(idOf(newWorker.address()), info.get("NewWorker").asString());
        assertEquals(effectiveAt, info.get("WorkerChangeEpoch").asLong());

        // The node's gas estimate refuses a message that would fail, so this one carries its own gas fields.
        TokenAmount baseFee = TokenAmount.ofAtto(new BigInteger(chain.getJson("/chain/status").get("baseFee").asString()));
        Message confirm = new Message(0, miner.idAddress(), chain.funded.address(), chain.nonce(chain.funded.address()),
            TokenAmount.ZERO, 20_000_000, baseFee.multiply(4), baseFee, MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS,
            new byte[0]);
        JsonNode early = chain.execute(confirm.sign(chain.funded));
        assertNotEquals(0, early.at("/Receipt/ExitCode").asLong(), "confirming before " + effectiveAt + ": " + early);
        assertEquals(idOf(worker.address()), chain.getJson("/chain/miners/" + miner.idAddress()).get("Worker").asString());

        chain.advance(Math.max(0, effectiveAt - chain.headHeight()) + 1);
        JsonNode confirmed = run(MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, miner.idAddress(), new byte[0]);
        assertEquals(0, confirmed.at("/Receipt/ExitCode").asLong(), confirmed.toString());
        info = chain.getJson("/chain/miners/" + miner.idAddress());
        assertEquals(idOf(newWorker.address()), info.get("Worker").asString());
        assertEquals("<empty>", info.get("NewWorker").asString());
        assertEquals(-1, info.get("WorkerChangeEpoch").asLong());
    }

    @Test
    void stateReadsOfMissingThingsAre404sAndBadAddresses400s() {
        HttpResponse<String> noMiner = chain.get("/chain/miners/" + chain.funded.address());
        assertEquals(404, noMiner.statusCode(), noMiner.body());
        assertTrue(TestNode.json(noMiner).get("detail").asString().contains("no miner actor at"), noMiner.body());
        HttpResponse<String> noActor = chain.get("/chain/actors/" + ChainRestNode.newKey(KeyType.SECP256K1).address());
        assertEquals(404, noActor.statusCode());
        assertTrue(TestNode.json(noActor).get("detail").asString().contains("first receives FIL"), noActor.body());
        HttpResponse<String> bad = chain.get("/chain/actors/f9xyz");
        assertEquals(400, bad.statusCode());
        assertTrue(TestNode.json(bad).get("detail").asString().startsWith("path parameter address 'f9xyz'"), bad.body());
        JsonNode market = chain.getJson("/chain/market/" + chain.funded.address());
        assertEquals("0", market.get("Escrow").asString());
        assertEquals("0", market.get("Locked").asString());
    }
}

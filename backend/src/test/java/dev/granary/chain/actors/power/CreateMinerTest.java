package dev.granary.chain.actors.power;

import static dev.granary.chain.actors.ActorChain.OTHER;
import static dev.granary.chain.actors.ActorChain.OWNER;
import static dev.granary.chain.actors.ActorChain.PROOF_2KIB;
import static dev.granary.chain.actors.ActorChain.UNFUNDED;
import static dev.granary.chain.actors.ActorChain.WORKER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.actors.init.ExecParams;
import dev.granary.chain.actors.init.InitMethods;
import dev.granary.chain.actors.miner.BeneficiaryTerm;
import dev.granary.chain.actors.miner.MinerConstructorParams;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.actors.miner.MinerMethods;
import dev.granary.chain.actors.miner.MinerState;
import dev.granary.chain.vm.CallResult;
import dev.granary.chain.vm.ExitCode;
import dev.granary.fil.TokenAmount;

class CreateMinerTest {

    @TempDir
    Path dir;
    ActorChain chain;

    @BeforeEach
    void open() {
        chain = ActorChain.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        chain.close();
    }

    private byte[] params(Address owner, Address worker, long proof) {
        return CreateMinerParams.CODEC.encode(new CreateMinerParams(owner, worker, proof, new byte[] {1, 2, 3},
                List.of(new byte[] {4, 0x7f, 0, 0, 1})));
    }

    @Test
    void createsAMinerWithRobustAddressInfoClaimAndFunds() {
        long nonce = chain.state().actor(OWNER.address()).orElseThrow().callSeqNum();
        TokenAmount value = TokenAmount.ofFil(5);
        CreateMinerReturn created = chain.createMiner(value);
        StateQueries state = chain.state();

        assertEquals(Protocol.ID, created.idAddress().protocol());
        assertEquals(Protocol.ACTOR, created.robustAddress().protocol());
        byte[] seed = ByteBuffer.allocate(FilCodecs.ADDRESS.encode(OWNER.address()).length + 16)
                .put(FilCodecs.ADDRESS.encode(OWNER.address())).putLong(nonce).putLong(0).array();
        assertEquals(Address.actor(seed), created.robustAddress(),
                "robust address from dag-cbor(origin) ‖ nonce ‖ actors created, as the FVM derives it");
        assertEquals(created.idAddress(), state.lookupId(created.robustAddress()).orElseThrow(), "init maps the f2 address");
        assertEquals(BuiltinActor.MINER.code(), state.actor(created.idAddress()).orElseThrow().code());
        assertEquals(value, chain.balance(created.idAddress()), "the value sent to power reached the miner");

        MinerInfo info = state.minerInfo(created.robustAddress()).orElseThrow();
        assertEquals(chain.id(OWNER.address()), info.owner());
        assertEquals(chain.id(WORKER.address()), info.worker(), "owner and worker stored as ID addresses");
        assertEquals(List.of(), info.controlAddresses());
        assertNull(info.pendingWorkerKey());
        assertEquals(PROOF_2KIB, info.windowPoStProofType());
        assertEquals(2048, info.sectorSize());
        assertEquals(2, info.windowPoStPartitionSectors());
        assertEquals(-1, info.consensusFaultElapsed());
        assertEquals(info.owner(), info.beneficiary());
        assertEquals(BeneficiaryTerm.NONE, info.beneficiaryTerm());
        assertArrayEquals(new byte[] {1, 2, 3}, info.peerId());

        MinerState minerState = state.minerState(created.idAddress()).orElseThrow();
        assertTrue(minerState.provingPeriodStart() <= chain.epoch());
        assertTrue(chain.epoch() - minerState.provingPeriodStart() < state.policy().wpostProvingPeriod());
        assertTrue(minerState.currentDeadline() < state.policy().wpostPeriodDeadlines());

        Claim claim = state.powerClaim(created.idAddress()).orElseThrow();
        assertEquals(new Claim(PROOF_2KIB, BigInteger.ZERO, BigInteger.ZERO), claim);
        assertEquals(1, state.powerState().minerCount());
    }

    @Test
    void secondMinerOfTheSameMessageSenderGetsAnotherRobustAddress() {
        chain.advanceTo(1); // the producer's account takes its ID first
        CreateMinerReturn first = chain.createMiner(TokenAmount.ZERO);
        CreateMinerReturn second = chain.createMiner(TokenAmount.ZERO);
        assertFalse(first.robustAddress().equals(second.robustAddress()));
        assertEquals(first.idAddress().id() + 1, second.idAddress().id());
        assertEquals(2, chain.state().powerState().minerCount());
    }

    @Test
    void aSecpWorkerIsRefusedAndLeavesNoTrace() {
        chain.advanceTo(1); // the producer's account exists from the first reward on
        long nextId = chain.id(ActorChain.PRODUCER.address()).id() + 1;
        TokenAmount before = chain.balance(OWNER.address());
        String error = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, params(OWNER.address(), OTHER.address(), PROOF_2KIB), TokenAmount.ofFil(5));
        assertTrue(error.contains("must have a BLS key"), error);
        StateQueries state = chain.state();
        assertTrue(state.actor(Address.ofId(nextId)).isEmpty(), "the miner init created was undone");
        assertEquals(0, state.powerState().minerCount());
        assertTrue(state.powerClaim(Address.ofId(nextId)).isEmpty());
        TokenAmount spent = before.subtract(chain.balance(OWNER.address()));
        assertTrue(spent.compareTo(TokenAmount.ofFil(1)) < 0, "only gas was spent, the 5 FIL came back: " + spent);
    }

    @Test
    void refusesUnknownOwnerWorkerNotAccountAndDisallowedProofs() {
        String owner = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, params(UNFUNDED.address(), WORKER.address(), PROOF_2KIB), TokenAmount.ZERO);
        assertTrue(owner.contains("unable to resolve owner address"), owner);
        String worker = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, params(OWNER.address(), SingletonActors.POWER, PROOF_2KIB), TokenAmount.ZERO);
        assertTrue(worker.contains("must be an account actor"), worker);
        String v1 = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, params(OWNER.address(), WORKER.address(), 5), TokenAmount.ZERO);
        assertTrue(v1.contains("not allowed for new miners"), v1);
        String unknown = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, params(OWNER.address(), WORKER.address(), 99), TokenAmount.ZERO);
        assertTrue(unknown.contains("unknown Window PoSt proof type 99"), unknown);
    }

    @Test
    void refusesUndecodableParams() {
        String error = chain.sendFailing(ExitCode.ERR_SERIALIZATION, OWNER, SingletonActors.POWER,
                PowerMethods.CREATE_MINER, new byte[] {(byte) 0x83, 1, 2, 3}, TokenAmount.ZERO);
        assertTrue(error.startsWith("CreateMiner: cannot decode the parameters"), error);
    }

    @Test
    void onlyAccountsCreateMinersAndOnlyPowerExecsThem() {
        CreateMinerReturn miner = chain.createMiner(TokenAmount.ZERO);
        CallResult fromMiner = chain.call(miner.idAddress(), SingletonActors.POWER, PowerMethods.CREATE_MINER,
                params(OWNER.address(), WORKER.address(), PROOF_2KIB));
        assertEquals(ExitCode.ERR_FORBIDDEN, fromMiner.exitCode());
        assertTrue(fromMiner.error().contains("only account actors may call it"), fromMiner.error());

        byte[] ctor = MinerConstructorParams.CODEC.encode(new MinerConstructorParams(OWNER.address(), WORKER.address(),
                List.of(), PROOF_2KIB, new byte[0], List.of()));
        String exec = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, SingletonActors.INIT, InitMethods.EXEC,
                ExecParams.CODEC.encode(new ExecParams(BuiltinActor.MINER.code(), ctor)), TokenAmount.ZERO);
        assertTrue(exec.contains("only the power actor creates actors"), exec);
        String direct = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OWNER, miner.idAddress(), MinerMethods.CONSTRUCTOR,
                ctor, TokenAmount.ZERO);
        assertTrue(direct.startsWith("Miner.Constructor: caller f0100 is not the init actor f01"), direct);
    }

    @Test
    void currentTotalPowerAnswersAnyCaller() {
        CallResult result = chain.call(OTHER.address(), SingletonActors.POWER, PowerMethods.CURRENT_TOTAL_POWER, new byte[0]);
        assertEquals(ExitCode.OK, result.exitCode(), result.error());
        CurrentTotalPowerReturn total = CurrentTotalPowerReturn.CODEC.decode(result.returnValue());
        assertEquals(BigInteger.ZERO, total.rawBytePower());
        assertEquals(TokenAmount.ZERO, total.pledgeCollateral());
        String unhandled = chain.sendFailing(ExitCode.ERR_UNHANDLED_MESSAGE, OWNER, SingletonActors.POWER,
                PowerMethods.UPDATE_CLAIMED_POWER, new byte[0], TokenAmount.ZERO);
        assertEquals("storagepower actor has no method 3", unhandled);
    }
}

package dev.granary.chain.vm;

import static dev.granary.chain.actors.ActorChain.BASE_FEE;
import static dev.granary.chain.actors.ActorChain.FEE_CAP;
import static dev.granary.chain.actors.ActorChain.OTHER;
import static dev.granary.chain.actors.ActorChain.OWNER;
import static dev.granary.chain.actors.ActorChain.PREMIUM;
import static dev.granary.chain.actors.ActorChain.PROOF_2KIB;
import static dev.granary.chain.actors.ActorChain.UNFUNDED;
import static dev.granary.chain.actors.ActorChain.WORKER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.gas.GasConstants;
import dev.granary.crypto.PrivateKey;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class VmGasTest {

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

    private static byte[] createMinerParams() {
        return CreateMinerParams.CODEC.encode(new CreateMinerParams(OWNER.address(), WORKER.address(), PROOF_2KIB,
                new byte[] {1}, List.of()));
    }

    private static Message createMiner(long nonce, long gasLimit) {
        return new Message(0, SingletonActors.POWER, OWNER.address(), nonce, TokenAmount.ofFil(1), gasLimit, FEE_CAP,
                PREMIUM, PowerMethods.CREATE_MINER, createMinerParams());
    }

    private GasEstimate estimate(Message message, List<SignedMessage> pending) {
        return Vm.estimateGas(chain.kv(), chain.root(), chain.epoch() + 1, BASE_FEE, message, pending);
    }

    @Test
    void applyingWithTheEstimatedLimitSucceeds() {
        GasEstimate estimate = estimate(createMiner(0, 0), List.of());
        assertEquals(ExitCode.OK, estimate.exitCode());
        assertEquals(Address.ofId(105), CreateMinerReturn.CODEC.decode(estimate.ret()).idAddress());

        Cid before = chain.root();
        SignedMessage real = createMiner(0, estimate.gasUsed()).sign(OWNER);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, chain.applyNext(List.of(real)).results().getFirst());
        assertEquals(ExitCode.OK, applied.exitCode(), applied.error());
        long used = applied.receipt().gasUsed();
        assertTrue(used <= estimate.gasUsed(), used + " > " + estimate.gasUsed());
        assertTrue(estimate.gasUsed() - used <= 8 * PriceList.STORAGE_GAS_MULTI,
                "only the shorter gas limit field differs: " + (estimate.gasUsed() - used));
        assertTrue(used > PriceList.onCreateActor(), "creating the miner is charged");
        assertTrue(chain.state().minerInfo(Address.ofId(105)).isPresent());
        assertTrue(!before.equals(chain.root()), "the block was applied");
    }

    @Test
    void theEstimateRunsAfterTheSendersPendingMessages() {
        SignedMessage pending = new Message(0, UNFUNDED.address(), OWNER.address(), 0, TokenAmount.ofFil(1), 5_000_000,
                FEE_CAP, PREMIUM, 0, new byte[0]).sign(OWNER);
        Message toNewAccount = new Message(0, UNFUNDED.address(), OWNER.address(), 1, TokenAmount.ofFil(1), 0, FEE_CAP,
                PREMIUM, 0, new byte[0]);
        GasEstimate afterPending = estimate(toNewAccount, List.of(pending));
        GasEstimate alone = estimate(toNewAccount, List.of());
        assertEquals(ExitCode.OK, afterPending.exitCode());
        assertEquals(alone.gasUsed() - PriceList.onCreateActor(), afterPending.gasUsed(),
                "the pending message already created the recipient's account");
        // alone ran second and still created the account: the first estimate's pending message was not kept.
    }

    @Test
    void inclusionIsPricedAsTheSendersKindOfSignatureWouldBe() {
        for (Address from : List.of(WORKER.address(), chain.id(WORKER.address()), OWNER.address())) {
            Message m = new Message(0, OTHER.address(), from, 0, TokenAmount.ofFil(1), 0, FEE_CAP, PREMIUM, 0, new byte[0]);
            Message trial = new Message(0, OTHER.address(), from, 0, TokenAmount.ofFil(1), GasConstants.BLOCK_GAS_LIMIT,
                    FEE_CAP, PREMIUM, 0, new byte[0]);
            int length = from.equals(OWNER.address())
                    ? new SignedMessage(trial, new Signature(SignatureType.SECP256K1, new byte[65])).toCbor().length
                    : trial.toCbor().length; // a BLS sender, by key or by ID: unsigned, its signature aggregated
            assertEquals(PriceList.onChainMessage(length) + PriceList.onMethodInvocation(true, 0),
                    estimate(m, List.of()).gasUsed(), "from " + from);
        }
    }

    @Test
    void estimatingAnInvalidMessageThrowsItsReason() {
        PrivateKey nobody = ActorChain.secp(40);
        Message fromNobody = new Message(0, OWNER.address(), nobody.address(), 0, TokenAmount.ZERO, 0, FEE_CAP, PREMIUM,
                0, new byte[0]);
        InvalidMessageException e = assertThrows(InvalidMessageException.class, () -> estimate(fromNobody, List.of()));
        assertEquals(InvalidReason.SENDER_UNKNOWN, e.reason());
        GasEstimate failing = estimate(new Message(0, SingletonActors.POWER, OWNER.address(), 0, TokenAmount.ZERO, 0,
                FEE_CAP, PREMIUM, PowerMethods.UPDATE_CLAIMED_POWER, new byte[0]), List.of());
        assertEquals(ExitCode.ERR_UNHANDLED_MESSAGE, failing.exitCode(), "an on-chain failure is reported, not thrown");
        assertEquals("storagepower actor has no method 3", failing.error(), "with the actor's reason");
        assertNull(estimate(createMiner(0, 0), List.of()).error(), "a success has no error");
    }

    @Test
    void runningOutOfGasInsideANestedCallFailsTheWholeMessage() {
        long full = estimate(createMiner(0, 0), List.of()).gasUsed();
        long limit = full - PriceList.onCreateActor();
        SignedMessage starved = createMiner(0, limit).sign(OWNER);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class,
                chain.applyNext(List.of(starved)).results().getFirst());
        assertEquals(ExitCode.SYS_ERR_OUT_OF_GAS, applied.exitCode());
        assertEquals(limit, applied.receipt().gasUsed(), "the whole limit is used");
        assertTrue(applied.error().contains("out of gas"), applied.error());
        assertEquals(0, chain.state().powerState().minerCount(), "nothing of the nested calls remains");
        assertTrue(chain.state().actor(Address.ofId(106)).isEmpty(), "f0105 is the producer's account, no f0106 miner");
        assertEquals(1, chain.state().actor(OWNER.address()).orElseThrow().callSeqNum(), "but the nonce advanced");
    }

    @Test
    void aCallRunsTheMethodAndCommitsNothing() {
        Cid before = chain.root();
        CallResult result = Vm.call(chain.kv(), chain.root(), chain.epoch(), new Message(0, SingletonActors.POWER,
                OWNER.address(), 0, TokenAmount.ofFil(2), 0, TokenAmount.ZERO, TokenAmount.ZERO, PowerMethods.CREATE_MINER,
                createMinerParams()));
        assertEquals(ExitCode.OK, result.exitCode(), result.error());
        assertEquals(Address.ofId(105), CreateMinerReturn.CODEC.decode(result.returnValue()).idAddress());
        assertTrue(result.gasUsed() > 0);
        assertEquals(before, chain.root());
        assertEquals(0, chain.state().powerState().minerCount());
        assertEquals(ActorChain.FUNDS, chain.balance(OWNER.address()), "the value did not move either");
    }
}

package dev.granary.chain.vm;

import static dev.granary.chain.vm.VmFixture.ALICE;
import static dev.granary.chain.vm.VmFixture.ALICE_FUNDS;
import static dev.granary.chain.vm.VmFixture.BASE_FEE;
import static dev.granary.chain.vm.VmFixture.BOB;
import static dev.granary.chain.vm.VmFixture.MINER;
import static dev.granary.chain.vm.VmFixture.REWARD_POOL;
import static dev.granary.chain.vm.VmFixture.balance;
import static dev.granary.chain.vm.VmFixture.genesis;
import static dev.granary.chain.vm.VmFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.actors.reward.RewardState;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class VmTipSetTest {

    private static final PrivateKey SECOND_MINER = ActorChain.secp(8);
    private static final long N = RewardState.decayDenominator(VmFixture.BLOCK_DELAY);

    @TempDir
    Path dir;
    KvStore kv;
    Cid genesis;

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
        genesis = genesis(kv);
    }

    @AfterEach
    void close() {
        kv.close();
    }

    /** The block reward of {@code epoch}: pool / N, decayed once per epoch since epoch 1. */
    private static TokenAmount rewardAt(long epoch) {
        BigInteger reward = REWARD_POOL.attoFil().divide(BigInteger.valueOf(N));
        for (long e = 1; e < epoch; e++) {
            reward = reward.subtract(reward.divide(BigInteger.valueOf(N)));
        }
        return TokenAmount.ofAtto(reward);
    }

    private static TipSetExecution tipSet(long parent, long epoch, BlockExecution... blocks) {
        return new TipSetExecution(parent, epoch, BASE_FEE, List.of(blocks));
    }

    @Test
    void theFirstRewardIsThePoolOverNWithNFromSixYears() {
        assertEquals(9_105_404, N, "round(6 × 31556925 s / 30 s / ln 2)");
        StateQueries state = StateQueries.at(kv, genesis);
        assertEquals(rewardAt(1), state.thisEpochReward());
        assertEquals(1, state.rewardState().epoch());
    }

    @Test
    void nullRoundsRunCronSoTheRewardDecaysEveryEpoch() {
        TipSetOutcome out = Vm.applyTipSet(kv, genesis, tipSet(0, 4, new BlockExecution(MINER.address(), 1, List.of())));
        assertEquals(rewardAt(4), balance(kv, out.stateRoot(), MINER.address()),
                "cron ran for the null rounds 1 to 3 before the block of epoch 4 was paid");
        RewardState reward = StateQueries.at(kv, out.stateRoot()).rewardState();
        assertEquals(5, reward.epoch(), "and once more for epoch 4 itself");
        assertEquals(rewardAt(5), reward.thisEpochReward());
        assertEquals(rewardAt(4), reward.totalStoragePowerReward());
        assertTrue(out.receipts().isEmpty());
    }

    @Test
    void rewardsDecayAndTheTotalSupplyIsConservedExactly() {
        Cid root = genesis;
        TokenAmount total = ALICE_FUNDS.add(REWARD_POOL);
        TokenAmount expectedMinerFunds = TokenAmount.ZERO;
        TokenAmount paid = TokenAmount.ZERO;
        for (long epoch = 1; epoch <= 12; epoch++) {
            SignedMessage m = transfer(ALICE, BOB.address(), epoch - 1, TokenAmount.ofFil(1));
            TipSetOutcome out = Vm.applyTipSet(kv, root, tipSet(epoch - 1, epoch,
                    new BlockExecution(MINER.address(), 1, List.of(m))));
            ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().getFirst());
            expectedMinerFunds = expectedMinerFunds.add(rewardAt(epoch)).add(applied.gas().minerTip());
            paid = paid.add(rewardAt(epoch));
            root = out.stateRoot();
            assertEquals(total, VmFixture.totalBalance(kv, root), "sum of all balances at epoch " + epoch);
        }
        assertTrue(rewardAt(12).compareTo(rewardAt(1)) < 0, "the reward decays");
        assertEquals(expectedMinerFunds, balance(kv, root, MINER.address()));
        assertEquals(REWARD_POOL.subtract(paid), balance(kv, root, SingletonActors.REWARD));
        assertEquals(paid, StateQueries.at(kv, root).rewardState().totalStoragePowerReward());
    }

    @Test
    void aMessageInTwoBlocksRunsOnceAndBothBlocksAreRewarded() {
        SignedMessage shared = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(3));
        SignedMessage second = transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(4));
        SignedMessage gap = transfer(ALICE, BOB.address(), 9, TokenAmount.ofFil(4));
        TipSetOutcome out = Vm.applyTipSet(kv, genesis, tipSet(0, 1,
                new BlockExecution(MINER.address(), 1, List.of(shared)),
                new BlockExecution(SECOND_MINER.address(), 1, List.of(shared, gap, second))));

        assertEquals(4, out.results().size(), "one result per message given");
        ApplyResult.Applied first = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        ApplyResult.Invalid duplicate = assertInstanceOf(ApplyResult.Invalid.class, out.results().get(1));
        assertEquals(InvalidReason.DUPLICATE, duplicate.reason());
        assertEquals(shared.cid(), duplicate.messageCid());
        assertEquals(InvalidReason.NONCE_MISMATCH, ((ApplyResult.Invalid) out.results().get(2)).reason());
        ApplyResult.Applied last = assertInstanceOf(ApplyResult.Applied.class, out.results().get(3));
        assertEquals(List.of(first.receipt(), last.receipt()), out.receipts(), "receipts of applied messages only, in order");

        assertEquals(TokenAmount.ofFil(7), balance(kv, out.stateRoot(), BOB.address()), "3 FIL moved once, not twice");
        assertEquals(rewardAt(1).add(first.gas().minerTip()), balance(kv, out.stateRoot(), MINER.address()));
        assertEquals(rewardAt(1).add(last.gas().minerTip()), balance(kv, out.stateRoot(), SECOND_MINER.address()),
                "each block's tips go to its own miner");
    }

    @Test
    void aBlocksBlsMessagesRunFirstUncheckedAndChargedForTheirUnsignedLength() {
        PrivateKey carol = ActorChain.bls(9);
        Cid funded = Vm.applyTipSet(kv, genesis, tipSet(0, 1, new BlockExecution(MINER.address(), 1,
                List.of(transfer(ALICE, carol.address(), 0, TokenAmount.ofFil(10)))))).stateRoot();
        // Unsigned, as a stored block keeps its BLS messages: their signatures are in its aggregate.
        Message fromCarol = new Message(0, BOB.address(), carol.address(), 0, TokenAmount.ofFil(1), VmFixture.GAS_LIMIT,
                VmFixture.FEE_CAP, VmFixture.PREMIUM, 0, new byte[0]);
        Message carolAgain = new Message(0, BOB.address(), carol.address(), 5, TokenAmount.ofFil(1), VmFixture.GAS_LIMIT,
                VmFixture.FEE_CAP, VmFixture.PREMIUM, 0, new byte[0]);
        SignedMessage fromAlice = transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(2));
        TipSetOutcome out = Vm.applyTipSet(kv, funded, tipSet(1, 2,
                new BlockExecution(MINER.address(), 1, List.of(fromCarol, carolAgain), List.of(fromAlice))));

        ApplyResult.Applied bls = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(fromCarol.cid(), bls.messageCid());
        assertEquals(ExitCode.OK, bls.exitCode(), bls.error());
        assertEquals(PriceList.onChainMessage(fromCarol.toCbor().length) + PriceList.onMethodInvocation(true, 0)
                + PriceList.onCreateActor(), bls.receipt().gasUsed(), "unsigned length; it ran first, so it created Bob");
        ApplyResult.Invalid gap = assertInstanceOf(ApplyResult.Invalid.class, out.results().get(1));
        assertEquals(InvalidReason.NONCE_MISMATCH, gap.reason());
        assertEquals(carolAgain.cid(), gap.messageCid());
        ApplyResult.Applied secp = assertInstanceOf(ApplyResult.Applied.class, out.results().get(2));
        assertEquals(fromAlice.cid(), secp.messageCid());
        assertEquals(PriceList.onChainMessage(fromAlice.toCbor().length) + PriceList.onMethodInvocation(true, 0),
                secp.receipt().gasUsed(), "signed length; Bob's account already existed");
        assertEquals(TokenAmount.ofFil(3), balance(kv, out.stateRoot(), BOB.address()));
    }

    @Test
    void aFeeCapBelowTheBaseFeeIsThePenaltyBurntFromTheMinersReward() {
        TokenAmount lowCap = TokenAmount.ofAtto(60);
        SignedMessage m = new Message(0, BOB.address(), ALICE.address(), 0, TokenAmount.ofFil(1), VmFixture.GAS_LIMIT,
                lowCap, TokenAmount.ofAtto(10), 0, new byte[0]).sign(ALICE);
        TipSetOutcome out = Vm.applyTipSet(kv, genesis, tipSet(0, 1, new BlockExecution(MINER.address(), 1, List.of(m))));
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().getFirst());
        TokenAmount penalty = applied.gas().minerPenalty();
        assertTrue(penalty.signum() > 0);
        assertEquals(rewardAt(1).subtract(penalty), balance(kv, out.stateRoot(), MINER.address()),
                "no tip (the fee cap is all base fee) and the penalty taken");
        assertEquals(applied.gas().baseFeeBurn().add(applied.gas().overEstimationBurn()).add(penalty),
                balance(kv, out.stateRoot(), SingletonActors.BURNT_FUNDS));
        assertEquals(ALICE_FUNDS.add(REWARD_POOL), VmFixture.totalBalance(kv, out.stateRoot()));
    }

    @Test
    void aBlockWithoutWinsGetsItsTipsOnly() {
        SignedMessage m = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        TipSetOutcome out = Vm.applyTipSet(kv, genesis, tipSet(0, 1, new BlockExecution(MINER.address(), 0, List.of(m))));
        ApplyResult.Applied applied = (ApplyResult.Applied) out.results().getFirst();
        assertEquals(applied.gas().minerTip(), balance(kv, out.stateRoot(), MINER.address()));
        assertEquals(REWARD_POOL, balance(kv, out.stateRoot(), SingletonActors.REWARD));
    }

    @Test
    void identicalTipSetsGiveIdenticalRootsOnFreshStores() {
        List<List<Cid>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            List<Cid> roots = new ArrayList<>();
            try (KvStore store = KvStore.open(dir.resolve("fresh-" + run))) {
                Cid root = genesis(store);
                root = Vm.applyTipSet(store, root, tipSet(0, 2,
                        new BlockExecution(MINER.address(), 1, List.of(transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(2)))),
                        new BlockExecution(SECOND_MINER.address(), 2, List.of(transfer(ALICE, BOB.address(), 1,
                                TokenAmount.ofFil(1)))))).stateRoot();
                roots.add(root);
                root = Vm.applyTipSet(store, root, tipSet(2, 5, new BlockExecution(BOB.address(), 1,
                        List.of(transfer(BOB, ALICE.address(), 0, TokenAmount.ofAtto(7)))))).stateRoot();
                roots.add(root);
            }
            runs.add(roots);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertNotEquals(runs.get(0).get(0), runs.get(0).get(1));
    }

    @Test
    void anUnpayableMinerIsRefusedBeforeAnythingRuns() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Vm.applyTipSet(kv, genesis, tipSet(0, 1, new BlockExecution(Address.ofId(777), 1, List.of()))));
        assertTrue(e.getMessage().contains("f0777"), e.getMessage());
    }
}

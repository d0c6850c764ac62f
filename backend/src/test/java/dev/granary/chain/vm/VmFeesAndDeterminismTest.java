package dev.granary.chain.vm;

import static dev.granary.chain.vm.VmFixture.ALICE;
import static dev.granary.chain.vm.VmFixture.ALICE_FUNDS;
import static dev.granary.chain.vm.VmFixture.BASE_FEE;
import static dev.granary.chain.vm.VmFixture.BOB;
import static dev.granary.chain.vm.VmFixture.GAS_LIMIT;
import static dev.granary.chain.vm.VmFixture.MINER;
import static dev.granary.chain.vm.VmFixture.PREMIUM;
import static dev.granary.chain.vm.VmFixture.REWARD_POOL;
import static dev.granary.chain.vm.VmFixture.apply;
import static dev.granary.chain.vm.VmFixture.balance;
import static dev.granary.chain.vm.VmFixture.genesis;
import static dev.granary.chain.vm.VmFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.reward.RewardState;
import dev.granary.chain.gas.GasOutputs;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class VmFeesAndDeterminismTest {

    @TempDir
    Path dir;

    /** The first block reward: the pool divided by N for 30-second epochs. */
    private static TokenAmount firstBlockReward() {
        long n = RewardState.decayDenominator(VmFixture.BLOCK_DELAY);
        return TokenAmount.ofAtto(REWARD_POOL.attoFil().divide(BigInteger.valueOf(n)));
    }

    /** A mixed batch: new and existing recipients, a transfer back, an invalid one, an on-chain failure. */
    private static List<SignedMessage> batch() {
        List<SignedMessage> messages = new ArrayList<>();
        messages.add(transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(100)));
        messages.add(transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(5)));
        messages.add(transfer(BOB, ALICE.address(), 0, TokenAmount.ofFil(1)));
        messages.add(transfer(ALICE, ActorChain.secp(9).address(), 5, TokenAmount.ofFil(1))); // nonce gap: invalid
        messages.add(transfer(ALICE, BOB.address(), 2, TokenAmount.ofFil(1), GAS_LIMIT, 7)); // unknown method
        messages.add(transfer(ALICE, ActorChain.secp(9).address(), 3, TokenAmount.ZERO));
        return messages;
    }

    @Test
    void feesGoToBurnAndRewardActorAndTheMinerGetsTipsAndBlockReward() {
        try (KvStore kv = KvStore.open(dir.resolve("db"))) {
            Cid genesis = genesis(kv);
            TokenAmount value = TokenAmount.ofFil(10);
            TipSetOutcome out = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, value));
            ApplyResult.Applied applied = (ApplyResult.Applied) out.results().get(0);
            long gasUsed = applied.receipt().gasUsed();
            GasOutputs expected = GasOutputs.compute(gasUsed, GAS_LIMIT, BASE_FEE, VmFixture.FEE_CAP, PREMIUM);
            assertEquals(expected, applied.gas());

            TokenAmount burnt = BASE_FEE.multiply(gasUsed).add(expected.overEstimationBurn());
            TokenAmount tip = PREMIUM.multiply(GAS_LIMIT);
            assertEquals(burnt, balance(kv, out.stateRoot(), SingletonActors.BURNT_FUNDS));
            assertEquals(tip.add(firstBlockReward()), balance(kv, out.stateRoot(), MINER.address()),
                    "the producer got an account, the tip and the block reward through AwardBlockReward");
            assertEquals(REWARD_POOL.subtract(firstBlockReward()), balance(kv, out.stateRoot(), SingletonActors.REWARD),
                    "the tip passed through the reward actor, the block reward came out of its pool");
            assertEquals(ALICE_FUNDS.subtract(value).subtract(burnt).subtract(tip),
                    balance(kv, out.stateRoot(), ALICE.address()));
        }
    }

    @Test
    void balancesAreConserved() {
        try (KvStore kv = KvStore.open(dir.resolve("db"))) {
            Cid genesis = genesis(kv);
            TipSetOutcome out = VmFixture.applyAt(kv, genesis, 1, batch());
            TokenAmount burnt = TokenAmount.ZERO;
            TokenAmount tips = TokenAmount.ZERO;
            for (ApplyResult result : out.results()) {
                if (result instanceof ApplyResult.Applied applied) {
                    burnt = burnt.add(applied.gas().baseFeeBurn()).add(applied.gas().overEstimationBurn());
                    tips = tips.add(applied.gas().minerTip());
                }
            }
            assertEquals(ALICE_FUNDS.add(REWARD_POOL), VmFixture.totalBalance(kv, out.stateRoot()),
                    "no FIL created or destroyed");
            assertEquals(burnt, balance(kv, out.stateRoot(), SingletonActors.BURNT_FUNDS));
            assertEquals(tips.add(firstBlockReward()), balance(kv, out.stateRoot(), MINER.address()));
            assertNotEquals(TokenAmount.ZERO, burnt);
            TokenAmount accounts = balance(kv, out.stateRoot(), ALICE.address())
                    .add(balance(kv, out.stateRoot(), BOB.address()))
                    .add(balance(kv, out.stateRoot(), ActorChain.secp(9).address()));
            assertEquals(ALICE_FUNDS, accounts.add(burnt).add(tips));
            assertEquals(TokenAmount.ofFil(104), balance(kv, out.stateRoot(), BOB.address())
                    .add(sumOfBobFees(out)), "Bob received 105 and sent 1 plus his fees");
        }
    }

    private static TokenAmount sumOfBobFees(TipSetOutcome out) {
        GasOutputs g = ((ApplyResult.Applied) out.results().get(2)).gas();
        return g.baseFeeBurn().add(g.overEstimationBurn()).add(g.minerTip());
    }

    @Test
    void sameMessagesGiveSameRootsOnFreshStores() {
        List<Cid> first = new ArrayList<>();
        List<Cid> second = new ArrayList<>();
        List<List<Cid>> runs = List.of(first, second);
        for (int run = 0; run < runs.size(); run++) {
            List<Cid> roots = runs.get(run);
            try (KvStore kv = KvStore.open(dir.resolve("store-" + run))) {
                Cid genesis = genesis(kv);
                roots.add(genesis);
                TipSetOutcome out = VmFixture.applyAt(kv, genesis, 1, batch());
                roots.add(out.stateRoot());
                roots.add(VmFixture.applyAt(kv, out.stateRoot(), 2,
                        List.of(transfer(ALICE, BOB.address(), 4, TokenAmount.ofFil(2)))).stateRoot());
            }
        }
        assertEquals(first, second);
        assertNotEquals(first.get(0), first.get(1));
        assertNotEquals(first.get(1), first.get(2));
    }

    @Test
    void aMinerWithoutActorOrKeyAddressIsRefusedUpFront() {
        try (KvStore kv = KvStore.open(dir.resolve("db"))) {
            Cid genesis = genesis(kv);
            TipSetExecution tipSet = new TipSetExecution(0, 1, BASE_FEE,
                    List.of(new BlockExecution(Address.ofId(4242), 1, batch())));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Vm.applyTipSet(kv, genesis, tipSet));
            assertTrue(e.getMessage().contains("f04242"), e.getMessage());
        }
    }
}

package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.ALICE;
import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;
import static dev.granary.chain.mpool.MpoolFixture.CAROL;
import static dev.granary.chain.mpool.MpoolFixture.DAVE;
import static dev.granary.chain.mpool.MpoolFixture.FEE_CAP;
import static dev.granary.chain.mpool.MpoolFixture.GAS_LIMIT;
import static dev.granary.chain.mpool.MpoolFixture.PREMIUM;
import static dev.granary.chain.mpool.MpoolFixture.atto;
import static dev.granary.chain.mpool.MpoolFixture.message;
import static dev.granary.chain.mpool.MpoolFixture.signWith;
import static dev.granary.chain.mpool.MpoolFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.gas.GasConstants;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;

class MessageSelectionTest {

    static final long BLOCK = GasConstants.BLOCK_GAS_LIMIT;

    @TempDir
    Path dir;
    KvStore kv;
    StateQueries genesis;
    MessagePool pool;

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
        genesis = MpoolFixture.genesisState(kv);
        pool = MessagePool.open(kv, MpoolConfig.defaults());
    }

    @AfterEach
    void close() {
        kv.close();
    }

    private void add(SignedMessage... messages) {
        for (SignedMessage m : messages) {
            pool.add(m, genesis, BASE_FEE);
        }
    }

    private List<SignedMessage> select(long gasLimit) {
        return pool.select(genesis, BASE_FEE, gasLimit, 10_000);
    }

    @Test
    void ranksSendersByPremium() {
        SignedMessage alice = transfer(ALICE, 0, atto(1_000), FEE_CAP);
        SignedMessage carol = transfer(CAROL, 0, atto(2_000), FEE_CAP);
        SignedMessage dave = transfer(DAVE, 0, atto(3_000), FEE_CAP);
        add(alice, carol, dave);
        assertEquals(List.of(dave, carol, alice), select(BLOCK));
    }

    @Test
    void ranksByEffectivePremiumAtTheBaseFee() {
        // Carol offers 5000 but her fee cap leaves only 100 above a base fee of 5000; Alice's 1000 is worth more.
        SignedMessage alice = transfer(ALICE, 0, atto(1_000), atto(10_000));
        SignedMessage carol = transfer(CAROL, 0, atto(5_000), atto(5_100));
        add(alice, carol);
        assertEquals(List.of(alice, carol), pool.select(genesis, atto(5_000), BLOCK, 100));
        assertEquals(List.of(carol, alice), pool.select(genesis, BASE_FEE, BLOCK, 100));
    }

    @Test
    void keepsEachSendersNonceOrderAndAHighPremiumPullsItsPredecessorsAlong() {
        SignedMessage a0 = transfer(ALICE, 0, atto(100), FEE_CAP);
        SignedMessage a1 = transfer(ALICE, 1, atto(5_000), FEE_CAP);
        SignedMessage c0 = transfer(CAROL, 0, atto(2_000), FEE_CAP);
        add(a0, a1, c0);
        // Alice's chain is worth (100 + 5000) / 2 per gas, more than Carol's 2000.
        assertEquals(List.of(a0, a1, c0), select(BLOCK));
    }

    @Test
    void aLowPremiumSuccessorGoesAfterBetterChains() {
        SignedMessage a0 = transfer(ALICE, 0, atto(3_000), FEE_CAP);
        SignedMessage a1 = transfer(ALICE, 1, atto(100), FEE_CAP);
        SignedMessage c0 = transfer(CAROL, 0, atto(2_000), FEE_CAP);
        add(a0, a1, c0);
        assertEquals(List.of(a0, c0, a1), select(BLOCK));
    }

    @Test
    void leavesOutMessagesWhoseFeeCapIsBelowTheBaseFeeAndEverythingAfterThem() {
        SignedMessage a0 = transfer(ALICE, 0, atto(1_000), atto(10_000));
        SignedMessage a1 = transfer(ALICE, 1, atto(1_000), atto(5_000));
        SignedMessage a2 = transfer(ALICE, 2, atto(1_000), atto(10_000));
        SignedMessage c0 = transfer(CAROL, 0, atto(1_000), atto(5_000));
        add(a0, a1, a2, c0);
        assertEquals(List.of(a0), pool.select(genesis, atto(6_000), BLOCK, 100));
        assertEquals(List.of(a0, a1, a2, c0), pool.select(genesis, atto(5_000), BLOCK, 100));
    }

    @Test
    void fitsTheGasLimitCuttingAChainToThePrefixThatFits() {
        SignedMessage a0 = transfer(ALICE, 0, atto(3_000), FEE_CAP);
        SignedMessage a1 = transfer(ALICE, 1, atto(3_000), FEE_CAP);
        SignedMessage a2 = transfer(ALICE, 2, atto(3_000), FEE_CAP);
        SignedMessage c0 = transfer(CAROL, 0, GAS_LIMIT / 2, atto(1_000));
        add(a0, a1, a2, c0);
        // Alice's 9M-gas chain does not fit 7.5M: its first two messages (6M) still rank first, then Carol's 1.5M.
        assertEquals(List.of(a0, a1, c0), select(GAS_LIMIT * 5 / 2));
        // With 4.5M, Alice's prefix shrinks to one message and Carol's still fits after it.
        assertEquals(List.of(a0, c0), select(GAS_LIMIT * 3 / 2));
        assertEquals(List.of(a0, a1, a2, c0), select(GAS_LIMIT * 4));
        assertEquals(List.of(), select(GAS_LIMIT / 4));
    }

    @Test
    void respectsTheMessageCount() {
        SignedMessage a0 = transfer(ALICE, 0, atto(3_000), FEE_CAP);
        SignedMessage a1 = transfer(ALICE, 1, atto(3_000), FEE_CAP);
        SignedMessage c0 = transfer(CAROL, 0, atto(1_000), FEE_CAP);
        add(a0, a1, c0);
        assertEquals(List.of(a0), pool.select(genesis, BASE_FEE, BLOCK, 1));
        assertEquals(List.of(a0, a1), pool.select(genesis, BASE_FEE, BLOCK, 2));
    }

    @Test
    void startsAtTheStateNonceAndBreaksTiesByRewardThenSenderId() {
        SignedMessage a0 = transfer(ALICE, 0);
        SignedMessage a1 = transfer(ALICE, 1);
        SignedMessage c0 = transfer(CAROL, 0);
        SignedMessage c1 = transfer(CAROL, 1);
        add(c0, c1, a0, a1);
        // Equal worth per gas and equal reward: the lower sender ID (Alice, f0100) goes first.
        assertEquals(List.of(a0, a1, c0, c1), select(BLOCK));
        // Once a0 is on chain Alice's run starts at a1; at equal worth Carol's larger total reward goes first.
        StateQueries afterA0 = MpoolFixture.applied(kv, genesis, List.of(a0));
        assertEquals(List.of(c0, c1, a1), pool.select(afterA0, BASE_FEE, BLOCK, 100));
    }

    @Test
    void skipsMessagesTheBalanceNoLongerCovers() {
        SignedMessage c0 = transfer(CAROL, 0);
        SignedMessage c1 = signWith(CAROL, message(CAROL.address(), 1,
                TokenAmount.ofFil(900), GAS_LIMIT, FEE_CAP, PREMIUM));
        add(c0, c1);
        // Another message at Carol's nonce 0 moved 600 FIL out: her pending nonce 1 can no longer pay.
        SignedMessage elsewhere = signWith(CAROL, message(CAROL.address(), 0,
                TokenAmount.ofFil(600), GAS_LIMIT, FEE_CAP, atto(1)));
        StateQueries head = MpoolFixture.applied(kv, genesis, List.of(elsewhere));
        pool.headChanged(head);
        assertEquals(List.of(c1), pool.pending(CAROL.address()), "superseded nonce 0 is dropped, nonce 1 stays");
        assertEquals(List.of(), pool.select(head, BASE_FEE, BLOCK, 100));
    }
}

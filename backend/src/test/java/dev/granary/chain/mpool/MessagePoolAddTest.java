package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.ALICE;
import static dev.granary.chain.mpool.MpoolFixture.ALICE_ID;
import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;
import static dev.granary.chain.mpool.MpoolFixture.BOB;
import static dev.granary.chain.mpool.MpoolFixture.CAROL;
import static dev.granary.chain.mpool.MpoolFixture.DAVE;
import static dev.granary.chain.mpool.MpoolFixture.DAVE_ID;
import static dev.granary.chain.mpool.MpoolFixture.FEE_CAP;
import static dev.granary.chain.mpool.MpoolFixture.GAS_LIMIT;
import static dev.granary.chain.mpool.MpoolFixture.PREMIUM;
import static dev.granary.chain.mpool.MpoolFixture.atto;
import static dev.granary.chain.mpool.MpoolFixture.message;
import static dev.granary.chain.mpool.MpoolFixture.signWith;
import static dev.granary.chain.mpool.MpoolFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.vm.MessageChecks;
import dev.granary.chain.vm.PriceList;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class MessagePoolAddTest {

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

    private MessageRejectedException rejected(SignedMessage m) {
        return rejected(m, genesis, BASE_FEE);
    }

    private MessageRejectedException rejected(SignedMessage m, StateQueries state, TokenAmount baseFee) {
        int before = pool.size();
        MessageRejectedException e = assertThrows(MessageRejectedException.class, () -> pool.add(m, state, baseFee));
        assertEquals(before, pool.size(), "a rejected message must not enter the pool");
        return e;
    }

    private static void assertMentions(MessageRejectedException e, RejectReason reason, String... parts) {
        assertEquals(reason, e.reason(), e.getMessage());
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
        }
    }

    @Test
    void acceptsAValidMessageAndFindsItByCid() {
        SignedMessage m = transfer(ALICE, 0);
        Cid cid = pool.add(m, genesis, BASE_FEE);
        assertEquals(m.cid(), cid);
        assertEquals(m, pool.get(cid).orElseThrow());
        assertEquals(List.of(m), pool.pending());
        assertEquals(1, pool.size());
    }

    @Test
    void acceptsBlsSignedMessagesUnderTheirUnsignedCid() {
        SignedMessage m = transfer(DAVE, 0);
        Cid cid = pool.add(m, genesis, BASE_FEE);
        assertEquals(m.message().cid(), cid);
        assertEquals(List.of(m), pool.pending(DAVE_ID));
    }

    @Test
    void refusesOversizedMessages() {
        Message big = new Message(0, BOB.address(), ALICE.address(), 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM, 0,
                new byte[MessageLimits.MAX_MESSAGE_SIZE]);
        assertMentions(rejected(signWith(ALICE, big)), RejectReason.TOO_LARGE, "65536");
    }

    @Test
    void refusesGasLimitAboveTheBlockLimit() {
        SignedMessage m = signWith(ALICE, message(ALICE.address(), 0, atto(1), GasConstants.BLOCK_GAS_LIMIT + 1, FEE_CAP, PREMIUM));
        assertMentions(rejected(m), RejectReason.GAS_LIMIT_TOO_HIGH, "10000000000", "lower the gas limit");
    }

    @Test
    void refusesMalformedMessages() {
        SignedMessage premiumAboveCap = transfer(ALICE, 0, atto(20_000), atto(10_000));
        assertMentions(rejected(premiumAboveCap), RejectReason.MALFORMED, "premium", "raise the fee cap");
        Message version1 = new Message(1, BOB.address(), ALICE.address(), 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM, 0, null);
        assertMentions(rejected(signWith(ALICE, version1)), RejectReason.MALFORMED, "version");
    }

    @Test
    void refusesGasLimitBelowTheInclusionCharge() {
        SignedMessage m = transfer(ALICE, 0, 1_000, PREMIUM);
        long charge = PriceList.onChainMessage(MessageChecks.chainLength(m));
        assertMentions(rejected(m), RejectReason.GAS_LIMIT_TOO_LOW, Long.toString(charge), "raise the gas limit");
    }

    @Test
    void refusesFeeCapBelowTheMinimumOrTheCurrentBaseFee() {
        SignedMessage belowMinimum = transfer(ALICE, 0, atto(0), atto(99));
        assertMentions(rejected(belowMinimum), RejectReason.FEE_CAP_TOO_LOW, "minimum base fee", "100");
        SignedMessage belowCurrent = transfer(ALICE, 0, atto(10), atto(5_000));
        assertMentions(rejected(belowCurrent, genesis, atto(6_000)), RejectReason.FEE_CAP_TOO_LOW,
                "current base fee of 6000", "raise the fee cap");
        assertEquals(belowCurrent.cid(), pool.add(belowCurrent, genesis, atto(5_000)), "at exactly the base fee it is accepted");
    }

    @Test
    void refusesSendersWithoutAnActor() {
        assertMentions(rejected(transfer(BOB, 0)), RejectReason.SENDER_UNKNOWN, BOB.address().toString(), "fund");
    }

    @Test
    void refusesSendersThatAreNotAccounts() {
        SignedMessage fromInit = signWith(ALICE, message(SingletonActors.INIT, 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(fromInit), RejectReason.SENDER_NOT_ACCOUNT, "init", "not an account");
    }

    @Test
    void refusesSignaturesOfAnotherKeyOrType() {
        SignedMessage forged = signWith(CAROL, message(ALICE.address(), 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(forged), RejectReason.BAD_SIGNATURE, "does not verify", ALICE.address().toString());
        SignedMessage wrongType = signWith(DAVE, message(ALICE.address(), 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(wrongType), RejectReason.BAD_SIGNATURE, "BLS", "SECP256K1");
        SignedMessage forgedFromId = signWith(CAROL, message(ALICE_ID, 0, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(forgedFromId), RejectReason.BAD_SIGNATURE, ALICE.address().toString());
    }

    @Test
    void refusesNoncesAlreadyUsedOnChain() {
        StateQueries afterOne = MpoolFixture.applied(kv, genesis, List.of(transfer(ALICE, 0)));
        SignedMessage replay = transfer(ALICE, 0, atto(5_000), FEE_CAP);
        assertMentions(rejected(replay, afterOne, BASE_FEE), RejectReason.NONCE_TOO_LOW, "already used", "next nonce is 1");
    }

    @Test
    void refusesNonceGapsAndAcceptsTheContiguousRun() {
        assertMentions(rejected(transfer(ALICE, 1)), RejectReason.NONCE_GAP, "next expected nonce is 0");
        pool.add(transfer(ALICE, 0), genesis, BASE_FEE);
        pool.add(transfer(ALICE, 1), genesis, BASE_FEE);
        assertMentions(rejected(transfer(ALICE, 3)), RejectReason.NONCE_GAP, "next expected nonce is 2", "send nonce 2 first");
        pool.add(transfer(ALICE, 2), genesis, BASE_FEE);
        assertEquals(List.of(0L, 1L, 2L), nonces(pool.pending(ALICE.address())));
    }

    @Test
    void f1AndF0SpellingsShareOneNonceSequence() {
        pool.add(transfer(ALICE, 0), genesis, BASE_FEE);
        SignedMessage viaId = signWith(ALICE, message(ALICE_ID, 1, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        pool.add(viaId, genesis, BASE_FEE);
        assertMentions(rejected(signWith(ALICE, message(ALICE_ID, 3, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM))),
                RejectReason.NONCE_GAP, "next expected nonce is 2");
        assertEquals(2, pool.nextNonce(ALICE.address(), genesis));
        assertEquals(2, pool.nextNonce(ALICE_ID, genesis));
        assertEquals(List.of(0L, 1L), nonces(pool.pending(ALICE.address())));
        assertEquals(List.of(0L, 1L), nonces(pool.pending(ALICE_ID)));
    }

    @Test
    void aSenderThePoolHasNeverSeenHasNoPendingMessages() {
        pool.add(transfer(ALICE, 0), genesis, BASE_FEE);
        assertEquals(List.of(), pool.pending(BOB.address()), "a key address no message or head change showed");
        assertEquals(List.of(), pool.pending(DAVE_ID));
    }

    @Test
    void nextNonceStartsAtTheStateNonce() {
        StateQueries afterTwo = MpoolFixture.applied(kv, genesis, List.of(transfer(ALICE, 0), transfer(ALICE, 1)));
        assertEquals(2, pool.nextNonce(ALICE.address(), afterTwo));
        pool.add(transfer(ALICE, 2), afterTwo, BASE_FEE);
        assertEquals(3, pool.nextNonce(ALICE.address(), afterTwo));
        assertEquals(0, pool.nextNonce(CAROL.address(), afterTwo));
        assertEquals(0, pool.nextNonce(BOB.address(), afterTwo), "an address without an actor starts at 0");
    }

    @Test
    void addingAPendingMessageAgainReturnsItsCidAndChangesNothing() {
        SignedMessage m = transfer(ALICE, 0);
        List<MpoolUpdate> updates = new ArrayList<>();
        pool.add(m, genesis, BASE_FEE);
        pool.addListener(updates::add);
        // Even with a base fee that would now refuse it, a retried push is idempotent.
        assertEquals(m.cid(), pool.add(m, genesis, atto(1_000_000)));
        assertEquals(1, pool.size());
        assertEquals(List.of(), updates);
    }

    @Test
    void refusesMoreThanTheSenderCapButStillAllowsReplacements() {
        pool = MessagePool.open(kv, new MpoolConfig(2));
        pool.add(transfer(ALICE, 0), genesis, BASE_FEE);
        pool.add(transfer(ALICE, 1), genesis, BASE_FEE);
        assertMentions(rejected(transfer(ALICE, 2)), RejectReason.TOO_MANY_PENDING, "2 pending messages");
        pool.add(transfer(ALICE, 1, atto(1_250), atto(10_250)), genesis, BASE_FEE);
        pool.add(transfer(CAROL, 0), genesis, BASE_FEE);
        assertEquals(3, pool.size());
    }

    @Test
    void refusesMessagesThePendingOnesLeaveNoFundsFor() {
        TokenAmount gasCost = FEE_CAP.multiply(GAS_LIMIT);
        TokenAmount big = TokenAmount.ofFil(600);
        SignedMessage tooMuchAlone = signWith(ALICE, message(ALICE.address(), 0, TokenAmount.ofFil(1_000), GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(tooMuchAlone), RejectReason.INSUFFICIENT_FUNDS, "fund the sender");

        pool.add(signWith(ALICE, message(ALICE.address(), 0, big, GAS_LIMIT, FEE_CAP, PREMIUM)), genesis, BASE_FEE);
        SignedMessage second = signWith(ALICE, message(ALICE.address(), 1, big, GAS_LIMIT, FEE_CAP, PREMIUM));
        assertMentions(rejected(second), RejectReason.INSUFFICIENT_FUNDS, "pending messages may cost "
                + big.add(gasCost).attoFil());

        TokenAmount rest = MpoolFixture.FUNDS.subtract(big).subtract(gasCost).subtract(gasCost);
        SignedMessage exactlyTheRest = signWith(ALICE, message(ALICE.address(), 1, rest, GAS_LIMIT, FEE_CAP, PREMIUM));
        pool.add(exactlyTheRest, genesis, BASE_FEE);
        assertEquals(2, pool.size());
    }

    private static List<Long> nonces(List<SignedMessage> messages) {
        return messages.stream().map(m -> m.message().nonce()).toList();
    }
}

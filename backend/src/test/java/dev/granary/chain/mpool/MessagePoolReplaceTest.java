package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.ALICE;
import static dev.granary.chain.mpool.MpoolFixture.ALICE_ID;
import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;
import static dev.granary.chain.mpool.MpoolFixture.CAROL;
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
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.actors.StateQueries;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;

class MessagePoolReplaceTest {

    @TempDir
    Path dir;
    KvStore kv;
    StateQueries genesis;
    MessagePool pool;
    SignedMessage original;

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
        genesis = MpoolFixture.genesisState(kv);
        pool = MessagePool.open(kv, MpoolConfig.defaults());
        original = transfer(ALICE, 0, PREMIUM, FEE_CAP); // premium 1000, fee cap 10000
        pool.add(original, genesis, BASE_FEE);
    }

    @AfterEach
    void close() {
        kv.close();
    }

    private MessageRejectedException underpriced(SignedMessage replacement) {
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> pool.add(replacement, genesis, BASE_FEE));
        assertEquals(RejectReason.REPLACE_UNDERPRICED, e.reason(), e.getMessage());
        assertEquals(List.of(original), pool.pending(), "the original stays pending");
        return e;
    }

    @Test
    void acceptsExactlyOneAndAQuarterTimesThePremium() {
        List<MpoolUpdate> updates = new ArrayList<>();
        pool.addListener(updates::add);
        SignedMessage replacement = transfer(ALICE, 0, atto(1_250), atto(10_250));
        pool.add(replacement, genesis, BASE_FEE);
        assertEquals(List.of(replacement), pool.pending());
        assertEquals(Optional.empty(), pool.get(original.cid()));
        assertEquals(1, pool.size());
        assertEquals(List.of(new MpoolUpdate(MpoolUpdate.Kind.REMOVE, original),
                new MpoolUpdate(MpoolUpdate.Kind.ADD, replacement)), updates);
    }

    @Test
    void refusesAPremiumBelowOneAndAQuarterTimesNamingTheMinimum() {
        MessageRejectedException e = underpriced(transfer(ALICE, 0, atto(1_249), atto(20_000)));
        assertTrue(e.getMessage().contains("at least 1250 attoFIL"), e.getMessage());
    }

    @Test
    void acceptsAHigherPremiumUnderTheSameFeeCapAsLotusDoes() {
        SignedMessage replacement = transfer(ALICE, 0, atto(2_000), original.message().gasFeeCap());
        pool.add(replacement, genesis, BASE_FEE);
        assertEquals(List.of(replacement), pool.pending());
    }

    @Test
    void replacesAMessageSentFromTheOtherSpellingOfTheSender() {
        SignedMessage viaId = signWith(ALICE, message(ALICE_ID, 0, atto(1), GAS_LIMIT, atto(10_250), atto(1_250)));
        pool.add(viaId, genesis, BASE_FEE);
        assertEquals(List.of(viaId), pool.pending(ALICE.address()));
    }

    @Test
    void fundsCheckCountsTheReplacementInsteadOfTheOriginal() {
        SignedMessage six = signWith(CAROL, message(CAROL.address(), 0, TokenAmount.ofFil(600), GAS_LIMIT, FEE_CAP, PREMIUM));
        pool.add(six, genesis, BASE_FEE);
        SignedMessage nine = signWith(CAROL, message(CAROL.address(), 0, TokenAmount.ofFil(900), GAS_LIMIT, atto(10_250), atto(1_250)));
        pool.add(nine, genesis, BASE_FEE);
        assertEquals(List.of(nine), pool.pending(CAROL.address()));
    }

    @Test
    void minimumPremiumRoundsUpAndAlwaysRises() {
        assertEquals(atto(1_250), ReplaceByFee.minimumPremium(atto(1_000)));
        assertEquals(atto(1_252), ReplaceByFee.minimumPremium(atto(1_001)));
        assertEquals(atto(2), ReplaceByFee.minimumPremium(atto(1)));
        assertEquals(atto(1), ReplaceByFee.minimumPremium(atto(0)));
    }
}

package dev.granary.chain.vm;

import static dev.granary.chain.vm.VmFixture.ALICE_FUNDS;
import static dev.granary.chain.vm.VmFixture.BOB;
import static dev.granary.chain.vm.VmFixture.genesis;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SendResult;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateAccess;
import dev.granary.chain.state.StateSession;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;

/**
 * Per-send rollback, with two small test actors standing in for code that keeps going after a failed
 * send: the outer one (run as Alice's account) writes, sends value to the inner one (run as the market
 * actor), which writes, pays Bob's new account and then fails.
 */
class VmNestedSendTest {

    private static final byte[] OUTER = key("test/outer");
    private static final byte[] INNER = key("test/inner");
    private static final byte[] AFTER = key("test/after");

    @TempDir
    Path dir;
    KvStore kv;
    StateSession session;

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
        session = StateSession.on(kv, genesis(kv));
    }

    @AfterEach
    void close() {
        kv.close();
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes, sends 1 FIL to the market actor, records the exit code it got, and succeeds. */
    private static final ActorCode OUTER_CODE = (rt, method, params) -> {
        rt.writeEntry(OUTER, new byte[] {1});
        SendResult inner = rt.send(SingletonActors.MARKET, 42, new byte[0], TokenAmount.ofFil(1));
        rt.writeEntry(AFTER, new byte[] {(byte) inner.exitCode().value()});
        return inner.isSuccess() ? null : inner.error().getBytes(StandardCharsets.UTF_8);
    };

    /** Writes, pays 1 FIL to Bob's key address (creating his account), then refuses. */
    private static final ActorCode FAILING_INNER = (rt, method, params) -> {
        rt.writeEntry(INNER, new byte[] {2});
        rt.send(BOB.address(), 0, null, TokenAmount.ofFil(1)).orThrow("paying Bob");
        throw ActorException.illegalState("inner refuses after paying");
    };

    private static Function<ActorState, ActorCode> codes(ActorCode inner) {
        return actor -> actor.kind().orElseThrow() == BuiltinActor.MARKET ? inner : OUTER_CODE;
    }

    private SendResult callAlice(GasMeter gas, ActorCode inner) {
        CallStack calls = new CallStack(gas, codes(inner), 1, SingletonActors.SYSTEM, 0);
        return calls.send(StateAccess.of(session), SingletonActors.SYSTEM_ID, Address.ofId(100), 1, new byte[0],
                TokenAmount.ZERO);
    }

    @Test
    void aFailedInnerSendLeavesNoTraceAndItsCallerCarriesOn() {
        SendResult outer = callAlice(new GasMeter(MessageApplier.IMPLICIT_GAS_LIMIT), FAILING_INNER);

        assertEquals(ExitCode.OK, outer.exitCode());
        assertEquals("inner refuses after paying", new String(outer.returnValue(), StandardCharsets.UTF_8),
                "the caller saw the callee's error");
        assertArrayEquals(new byte[] {1}, session.get(OUTER), "the caller's own write is kept");
        assertArrayEquals(new byte[] {(byte) ExitCode.ERR_ILLEGAL_STATE.value()}, session.get(AFTER),
                "the caller received the callee's exit code");
        assertNull(session.get(INNER), "the callee's write is gone");
        ActorTable actors = new ActorTable(session);
        assertEquals(true, new InitActor(actors).lookupId(BOB.address()).isEmpty(), "the account it created is gone");
        assertEquals(TokenAmount.ZERO, actors.require(SingletonActors.MARKET_ID).balance(), "the value came back");
        assertEquals(ALICE_FUNDS, actors.require(100).balance());
        assertEquals(ALICE_FUNDS.add(VmFixture.REWARD_POOL), ActorChain.totalBalance(session));
    }

    @Test
    void aSucceedingInnerSendIsKept() {
        ActorCode paying = (rt, method, params) -> {
            rt.writeEntry(INNER, new byte[] {3});
            rt.send(BOB.address(), 0, null, TokenAmount.ofFil(1)).orThrow("paying Bob");
            return null;
        };
        SendResult outer = callAlice(new GasMeter(MessageApplier.IMPLICIT_GAS_LIMIT), paying);
        assertEquals(ExitCode.OK, outer.exitCode());
        assertArrayEquals(new byte[] {3}, session.get(INNER));
        assertArrayEquals(new byte[] {0}, session.get(AFTER), "exit code 0 reached the caller");
        ActorTable actors = new ActorTable(session);
        assertEquals(TokenAmount.ofFil(1), actors.require(new InitActor(actors).lookupId(BOB.address()).orElseThrow()).balance());
        assertEquals(ALICE_FUNDS.subtract(TokenAmount.ofFil(1)), actors.require(100).balance());
    }

    @Test
    void sendingMoreThanTheBalanceFailsThatSendWithInsufficientFunds() {
        ActorCode overspending = (rt, method, params) -> {
            SendResult tooMuch = rt.send(BOB.address(), 0, null, rt.currentBalance().add(TokenAmount.ofAtto(1)));
            rt.writeEntry(INNER, new byte[] {(byte) tooMuch.exitCode().value()});
            return null;
        };
        assertEquals(ExitCode.OK, callAlice(new GasMeter(MessageApplier.IMPLICIT_GAS_LIMIT), overspending).exitCode());
        assertArrayEquals(new byte[] {(byte) ExitCode.SYS_ERR_INSUFFICIENT_FUNDS.value()}, session.get(INNER));
        ActorTable actors = new ActorTable(session);
        assertEquals(true, new InitActor(actors).lookupId(BOB.address()).isEmpty(), "nor was Bob's account kept");
        assertEquals(TokenAmount.ofFil(1), actors.require(SingletonActors.MARKET_ID).balance());
    }

    @Test
    void runningOutOfGasInTheCalleeIsNotCaughtByTheCaller() {
        GasMeter gas = new GasMeter(PriceList.onMethodInvocation(false, 1) + PriceList.onIpldPut(1)
                + PriceList.onMethodInvocation(true, 42) + PriceList.onIpldPut(1) + PriceList.onMethodInvocation(true, 0));
        assertThrows(OutOfGasException.class, () -> callAlice(gas, FAILING_INNER));
        assertEquals(gas.limit(), gas.used());
        assertNull(session.get(OUTER), "nothing was merged into the session");
        assertNull(session.get(AFTER));
    }
}

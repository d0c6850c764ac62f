package dev.granary.chain.vm;

import static dev.granary.chain.vm.VmFixture.ALICE;
import static dev.granary.chain.vm.VmFixture.ALICE_FUNDS;
import static dev.granary.chain.vm.VmFixture.BOB;
import static dev.granary.chain.vm.VmFixture.actor;
import static dev.granary.chain.vm.VmFixture.apply;
import static dev.granary.chain.vm.VmFixture.balance;
import static dev.granary.chain.vm.VmFixture.genesis;
import static dev.granary.chain.vm.VmFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class VmTransferTest {

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

    private static long onChain(SignedMessage m) {
        return PriceList.onChainMessage(m.toCbor().length);
    }

    @Test
    void transferToNewAddressCreatesAccount() {
        SignedMessage m = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(10));
        ApplyOutcome out = apply(kv, genesis, m);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(ExitCode.OK, applied.exitCode());
        assertEquals(0, applied.receipt().exitCode());
        long expectedGas = onChain(m) + PriceList.onSend(true) + PriceList.onCreateActor();
        assertEquals(expectedGas, applied.receipt().gasUsed());
        assertEquals(TokenAmount.ofFil(10), balance(kv, out.stateRoot(), BOB.address()));
        ActorState bob = actor(kv, out.stateRoot(), BOB.address());
        assertTrue(bob.isAccount());
        assertEquals(101, new InitActor(VmFixture.actors(kv, out.stateRoot()))
                .lookupId(BOB.address()).orElseThrow());
        assertEquals(1, actor(kv, out.stateRoot(), ALICE.address()).callSeqNum());
        assertEquals(1, out.receipts().size());
    }

    @Test
    void transferToExistingAddressChargesNoCreation() {
        Cid root = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1))).stateRoot();
        SignedMessage second = transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(2));
        ApplyOutcome out = apply(kv, root, second);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(onChain(second) + PriceList.onSend(true), applied.receipt().gasUsed());
        assertEquals(TokenAmount.ofFil(3), balance(kv, out.stateRoot(), BOB.address()));
    }

    @Test
    void sendsFromAnIdAddressAndToAnIdAddress() {
        Cid root = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1))).stateRoot();
        SignedMessage byId = VmFixture.signWith(ALICE, new Message(0, Address.ofId(101), Address.ofId(100), 1,
                TokenAmount.ofFil(1), VmFixture.GAS_LIMIT, VmFixture.FEE_CAP, VmFixture.PREMIUM, 0, new byte[0]));
        ApplyOutcome out = apply(kv, root, byId);
        assertEquals(ExitCode.OK, ((ApplyResult.Applied) out.results().get(0)).exitCode());
        assertEquals(TokenAmount.ofFil(2), balance(kv, out.stateRoot(), BOB.address()));
    }

    @Test
    void nonceGapAndReplayAreInvalidAndChangeNothing() {
        ApplyOutcome gap = apply(kv, genesis, transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(1)));
        ApplyResult.Invalid invalid = assertInstanceOf(ApplyResult.Invalid.class, gap.results().get(0));
        assertEquals(InvalidReason.NONCE_MISMATCH, invalid.reason());
        assertEquals(ExitCode.SYS_ERR_SENDER_STATE_INVALID, invalid.reason().exitCode());
        assertEquals(genesis, gap.stateRoot());
        assertTrue(gap.receipts().isEmpty());

        SignedMessage first = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        ApplyOutcome replay = apply(kv, genesis, first, first);
        assertInstanceOf(ApplyResult.Applied.class, replay.results().get(0));
        assertEquals(InvalidReason.NONCE_MISMATCH, ((ApplyResult.Invalid) replay.results().get(1)).reason());
        assertEquals(apply(kv, genesis, first).stateRoot(), replay.stateRoot(), "the replay left no trace");
    }

    @Test
    void insufficientFundsIsInvalid() {
        ApplyOutcome out = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, ALICE_FUNDS));
        ApplyResult.Invalid invalid = assertInstanceOf(ApplyResult.Invalid.class, out.results().get(0));
        assertEquals(InvalidReason.INSUFFICIENT_BALANCE, invalid.reason());
        assertTrue(invalid.detail().contains("value + gas limit"), invalid.detail());
        assertEquals(genesis, out.stateRoot());
    }

    @Test
    void badSignatureUnknownSenderAndTinyGasLimitAreInvalid() {
        SignedMessage good = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        SignedMessage forged = VmFixture.signWith(BOB, good.message());
        SignedMessage fromNobody = transfer(BOB, ALICE.address(), 0, TokenAmount.ofAtto(1));
        SignedMessage tiny = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), 1000, 0);
        ApplyOutcome out = apply(kv, genesis, forged, fromNobody, tiny);
        assertEquals(InvalidReason.BAD_SIGNATURE, ((ApplyResult.Invalid) out.results().get(0)).reason());
        assertEquals(InvalidReason.SENDER_UNKNOWN, ((ApplyResult.Invalid) out.results().get(1)).reason());
        assertEquals(InvalidReason.GAS_LIMIT_BELOW_ON_CHAIN_CHARGE, ((ApplyResult.Invalid) out.results().get(2)).reason());
        assertEquals(genesis, out.stateRoot());
    }

    @Test
    void systemActorCannotSend() {
        SignedMessage fromSystem = VmFixture.signWith(ALICE, new Message(0, BOB.address(), SingletonActors.SYSTEM, 0,
                TokenAmount.ZERO, VmFixture.GAS_LIMIT, VmFixture.FEE_CAP, VmFixture.PREMIUM, 0, new byte[0]));
        ApplyResult.Invalid invalid = (ApplyResult.Invalid) apply(kv, genesis, fromSystem).results().get(0);
        assertEquals(InvalidReason.SENDER_NOT_ACCOUNT, invalid.reason());
    }

    @Test
    void outOfGasFailsOnChainAndUsesTheWholeLimit() {
        SignedMessage probe = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        long limit = onChain(probe) + PriceList.onSend(true) + 1; // enough to send, not to create Bob's account
        SignedMessage m = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), limit, 0);
        ApplyOutcome out = apply(kv, genesis, m);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(ExitCode.SYS_ERR_OUT_OF_GAS, applied.exitCode());
        assertEquals(7, applied.receipt().exitCode());
        assertEquals(limit, applied.receipt().gasUsed());
        assertNull(actor(kv, out.stateRoot(), BOB.address()), "the creation was reverted");
        assertEquals(1, actor(kv, out.stateRoot(), ALICE.address()).callSeqNum(), "but the nonce advanced");
    }

    @Test
    void unknownMethodAndUncreatableReceiverFailOnChain() {
        SignedMessage method2 = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), VmFixture.GAS_LIMIT, 2);
        SignedMessage toF2 = transfer(ALICE, Address.actor(new byte[] {9}), 1, TokenAmount.ofFil(1));
        ApplyOutcome out = apply(kv, genesis, method2, toF2);
        assertEquals(ExitCode.SYS_ERR_INVALID_METHOD, ((ApplyResult.Applied) out.results().get(0)).exitCode());
        assertEquals(ExitCode.SYS_ERR_INVALID_RECEIVER, ((ApplyResult.Applied) out.results().get(1)).exitCode());
        assertNull(actor(kv, out.stateRoot(), BOB.address()));
        assertEquals(2, actor(kv, out.stateRoot(), ALICE.address()).callSeqNum());
        assertEquals(2, out.receipts().size());
    }
}

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
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.account.AccountMethods;
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

    /** The root after the same block without messages: only its reward and cron changed the state. */
    private Cid emptyBlock() {
        return apply(kv, genesis).stateRoot();
    }

    private static long onChain(SignedMessage m) {
        return PriceList.onChainMessage(m.toCbor().length);
    }

    @Test
    void transferToNewAddressCreatesAccount() {
        SignedMessage m = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(10));
        TipSetOutcome out = apply(kv, genesis, m);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(ExitCode.OK, applied.exitCode());
        assertEquals(0, applied.receipt().exitCode());
        long expectedGas = onChain(m) + PriceList.onMethodInvocation(true, 0) + PriceList.onCreateActor();
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
        TipSetOutcome out = apply(kv, root, second);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(onChain(second) + PriceList.onMethodInvocation(true, 0), applied.receipt().gasUsed());
        assertEquals(TokenAmount.ofFil(3), balance(kv, out.stateRoot(), BOB.address()));
    }

    @Test
    void sendsFromAnIdAddressAndToAnIdAddress() {
        Cid root = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1))).stateRoot();
        SignedMessage byId = VmFixture.signWith(ALICE, new Message(0, Address.ofId(101), Address.ofId(100), 1,
                TokenAmount.ofFil(1), VmFixture.GAS_LIMIT, VmFixture.FEE_CAP, VmFixture.PREMIUM, 0, new byte[0]));
        TipSetOutcome out = apply(kv, root, byId);
        assertEquals(ExitCode.OK, ((ApplyResult.Applied) out.results().get(0)).exitCode());
        assertEquals(TokenAmount.ofFil(2), balance(kv, out.stateRoot(), BOB.address()));
    }

    @Test
    void nonceGapAndReplayAreInvalidAndChangeNothing() {
        TipSetOutcome gap = apply(kv, genesis, transfer(ALICE, BOB.address(), 1, TokenAmount.ofFil(1)));
        ApplyResult.Invalid invalid = assertInstanceOf(ApplyResult.Invalid.class, gap.results().get(0));
        assertEquals(InvalidReason.NONCE_MISMATCH, invalid.reason());
        assertEquals(ExitCode.SYS_ERR_SENDER_STATE_INVALID, invalid.reason().exitCode());
        assertEquals(emptyBlock(), gap.stateRoot(), "as if the block had no message");
        assertTrue(gap.receipts().isEmpty());

        SignedMessage first = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        TipSetOutcome twice = apply(kv, genesis, first, first);
        assertInstanceOf(ApplyResult.Applied.class, twice.results().get(0));
        assertEquals(InvalidReason.DUPLICATE, ((ApplyResult.Invalid) twice.results().get(1)).reason(),
                "the same message again in the tipset");
        assertEquals(apply(kv, genesis, first).stateRoot(), twice.stateRoot(), "the copy left no trace");

        TipSetOutcome replay = VmFixture.applyAt(kv, twice.stateRoot(), 2, List.of(first));
        assertEquals(InvalidReason.NONCE_MISMATCH, ((ApplyResult.Invalid) replay.results().get(0)).reason(),
                "the same message in a later tipset");
    }

    @Test
    void insufficientFundsIsInvalid() {
        TipSetOutcome out = apply(kv, genesis, transfer(ALICE, BOB.address(), 0, ALICE_FUNDS));
        ApplyResult.Invalid invalid = assertInstanceOf(ApplyResult.Invalid.class, out.results().get(0));
        assertEquals(InvalidReason.INSUFFICIENT_BALANCE, invalid.reason());
        assertTrue(invalid.detail().contains("value + gas limit"), invalid.detail());
        assertEquals(emptyBlock(), out.stateRoot(), "as if the block had no message");
    }

    @Test
    void badSignatureUnknownSenderAndTinyGasLimitAreInvalid() {
        SignedMessage good = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1));
        SignedMessage forged = VmFixture.signWith(BOB, good.message());
        SignedMessage fromNobody = transfer(BOB, ALICE.address(), 0, TokenAmount.ofAtto(1));
        SignedMessage tiny = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), 1000, 0);
        TipSetOutcome out = apply(kv, genesis, forged, fromNobody, tiny);
        assertEquals(InvalidReason.BAD_SIGNATURE, ((ApplyResult.Invalid) out.results().get(0)).reason());
        assertEquals(InvalidReason.SENDER_UNKNOWN, ((ApplyResult.Invalid) out.results().get(1)).reason());
        assertEquals(InvalidReason.GAS_LIMIT_BELOW_ON_CHAIN_CHARGE, ((ApplyResult.Invalid) out.results().get(2)).reason());
        assertEquals(emptyBlock(), out.stateRoot(), "as if the block had no message");
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
        long limit = onChain(probe) + PriceList.onMethodInvocation(true, 0) + 1; // enough to send, not to create Bob's account
        SignedMessage m = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), limit, 0);
        TipSetOutcome out = apply(kv, genesis, m);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(ExitCode.SYS_ERR_OUT_OF_GAS, applied.exitCode());
        assertEquals(7, applied.receipt().exitCode());
        assertEquals(limit, applied.receipt().gasUsed());
        assertNull(actor(kv, out.stateRoot(), BOB.address()), "the creation was reverted");
        assertEquals(1, actor(kv, out.stateRoot(), ALICE.address()).callSeqNum(), "but the nonce advanced");
    }

    @Test
    void unknownMethodAndUncreatableReceiverFailOnChain() {
        SignedMessage method7 = transfer(ALICE, BOB.address(), 0, TokenAmount.ofFil(1), VmFixture.GAS_LIMIT, 7);
        SignedMessage toF2 = transfer(ALICE, Address.actor(new byte[] {9}), 1, TokenAmount.ofFil(1));
        TipSetOutcome out = apply(kv, genesis, method7, toF2);
        ApplyResult.Applied unknownMethod = (ApplyResult.Applied) out.results().get(0);
        assertEquals(ExitCode.ERR_UNHANDLED_MESSAGE, unknownMethod.exitCode(), "builtin-actors' USR_UNHANDLED_MESSAGE");
        assertEquals(22, unknownMethod.receipt().exitCode());
        assertTrue(unknownMethod.error().contains("account actor has no method 7"), unknownMethod.error());
        assertEquals(ExitCode.SYS_ERR_INVALID_RECEIVER, ((ApplyResult.Applied) out.results().get(1)).exitCode());
        assertNull(actor(kv, out.stateRoot(), BOB.address()), "the account created for the call was reverted with it");
        assertEquals(2, actor(kv, out.stateRoot(), ALICE.address()).callSeqNum());
        assertEquals(2, out.receipts().size());
    }

    @Test
    void aMethodOnANewKeyAddressRunsOnItsFreshAccount() {
        SignedMessage pubkey = transfer(ALICE, BOB.address(), 0, TokenAmount.ZERO, VmFixture.GAS_LIMIT,
                AccountMethods.PUBKEY_ADDRESS);
        TipSetOutcome out = apply(kv, genesis, pubkey);
        ApplyResult.Applied applied = assertInstanceOf(ApplyResult.Applied.class, out.results().get(0));
        assertEquals(ExitCode.OK, applied.exitCode());
        assertEquals(BOB.address(), FilCodecs.ADDRESS.decode(applied.receipt().returnValue()),
                "the receipt carries the return value");
        long expected = onChain(pubkey) + PriceList.onCreateActor() + PriceList.onMethodInvocation(false, 2)
                + PriceList.onIpldGet() + PriceList.onChainReturnValue(applied.receipt().returnValue().length);
        assertEquals(expected, applied.receipt().gasUsed(), "creation, invocation, one state read, the return value");
    }
}

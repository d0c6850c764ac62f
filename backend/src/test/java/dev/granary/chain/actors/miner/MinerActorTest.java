package dev.granary.chain.actors.miner;

import static dev.granary.chain.actors.ActorChain.CLIENT;
import static dev.granary.chain.actors.ActorChain.NEW_WORKER;
import static dev.granary.chain.actors.ActorChain.OTHER;
import static dev.granary.chain.actors.ActorChain.OWNER;
import static dev.granary.chain.actors.ActorChain.UNFUNDED;
import static dev.granary.chain.actors.ActorChain.WORKER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.vm.CallResult;
import dev.granary.chain.vm.ExitCode;
import dev.granary.fil.TokenAmount;

class MinerActorTest {

    private static final TokenAmount NONE = TokenAmount.ZERO;
    private static final long DELAY = ChainPolicy.devnet().workerKeyChangeDelay();

    @TempDir
    Path dir;
    ActorChain chain;
    Address miner;
    Address owner;
    Address worker;

    @BeforeEach
    void createMiner() {
        chain = ActorChain.open(dir.resolve("db"));
        miner = chain.createMiner(TokenAmount.ofFil(100)).idAddress();
        owner = chain.id(OWNER.address());
        worker = chain.id(WORKER.address());
    }

    @AfterEach
    void close() {
        chain.close();
    }

    private MinerInfo info() {
        return chain.state().minerInfo(miner).orElseThrow();
    }

    private static byte[] changeWorker(Address newWorker, List<Address> control) {
        return ChangeWorkerAddressParams.CODEC.encode(new ChangeWorkerAddressParams(newWorker, control));
    }

    @Test
    void controlAddressesAnswersAnyCaller() {
        CallResult result = chain.call(CLIENT.address(), miner, MinerMethods.CONTROL_ADDRESSES, new byte[0]);
        assertEquals(ExitCode.OK, result.exitCode(), result.error());
        assertEquals(new GetControlAddressesReturn(owner, worker, List.of()),
                GetControlAddressesReturn.CODEC.decode(result.returnValue()));
    }

    @Test
    void changeWorkerAddressSetsControlNowAndTheWorkerAfterTheDelay() {
        Address control = chain.id(CLIENT.address());
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_WORKER_ADDRESS, changeWorker(NEW_WORKER.address(),
                List.of(CLIENT.address())), NONE);
        long proposedAt = chain.epoch();
        MinerInfo pending = info();
        assertEquals(List.of(control), pending.controlAddresses(), "control addresses take effect at once, as IDs");
        assertEquals(worker, pending.worker(), "the worker does not change yet");
        assertEquals(new PendingWorkerKey(chain.id(NEW_WORKER.address()), proposedAt + DELAY), pending.pendingWorkerKey());

        String early = chain.sendFailing(ExitCode.ERR_ILLEGAL_STATE, OWNER, miner,
                MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, new byte[0], NONE);
        assertTrue(early.contains("takes effect at epoch " + (proposedAt + DELAY)), early);
        assertEquals(worker, info().worker());

        chain.advanceTo(proposedAt + DELAY - 1); // the confirmation runs at the next epoch, the effective one
        String notOwner = chain.sendFailing(ExitCode.ERR_FORBIDDEN, WORKER, miner,
                MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, new byte[0], NONE);
        assertTrue(notOwner.contains("is not the owner " + owner), notOwner);
        chain.sendOk(OWNER, miner, MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, new byte[0], NONE);
        MinerInfo changed = info();
        assertEquals(chain.id(NEW_WORKER.address()), changed.worker());
        assertNull(changed.pendingWorkerKey());
        String nothing = chain.sendFailing(ExitCode.ERR_ILLEGAL_STATE, OWNER, miner,
                MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, new byte[0], NONE);
        assertTrue(nothing.contains("no worker change is pending"), nothing);
    }

    @Test
    void theCurrentWorkerCancelsAPendingChange() {
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_WORKER_ADDRESS, changeWorker(NEW_WORKER.address(), List.of()), NONE);
        assertEquals(chain.id(NEW_WORKER.address()), info().pendingWorkerKey().newWorker());
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_WORKER_ADDRESS, changeWorker(WORKER.address(), List.of()), NONE);
        assertNull(info().pendingWorkerKey());
        assertEquals(worker, info().worker());
    }

    @Test
    void changeWorkerAddressRefusals() {
        String notOwner = chain.sendFailing(ExitCode.ERR_FORBIDDEN, WORKER, miner, MinerMethods.CHANGE_WORKER_ADDRESS,
                changeWorker(NEW_WORKER.address(), List.of()), NONE);
        assertEquals("ChangeWorkerAddress: caller " + worker + " is not the owner " + owner, notOwner);
        String secpWorker = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner,
                MinerMethods.CHANGE_WORKER_ADDRESS, changeWorker(OTHER.address(), List.of()), NONE);
        assertTrue(secpWorker.contains("must have a BLS key"), secpWorker);
        String unknownControl = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner,
                MinerMethods.CHANGE_WORKER_ADDRESS, changeWorker(WORKER.address(), List.of(UNFUNDED.address())), NONE);
        assertTrue(unknownControl.contains("unable to resolve control address"), unknownControl);
        List<Address> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(OTHER.address());
        }
        String tooMany = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner, MinerMethods.CHANGE_WORKER_ADDRESS,
                changeWorker(WORKER.address(), eleven), NONE);
        assertTrue(tooMany.contains("11 control addresses exceed the maximum of 10"), tooMany);
        assertNull(info().pendingWorkerKey());
    }

    @Test
    void peerIdAndMultiaddrsChangeByControllingAddressesOnly() {
        chain.sendOk(WORKER, miner, MinerMethods.CHANGE_PEER_ID, ChangePeerIdParams.CODEC.encode(
                new ChangePeerIdParams(new byte[] {9, 9})), NONE);
        assertArrayEquals(new byte[] {9, 9}, info().peerId());
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_MULTIADDRS, ChangeMultiaddrsParams.CODEC.encode(
                new ChangeMultiaddrsParams(List.of(new byte[] {4, 1, 2, 3, 4}))), NONE);
        assertArrayEquals(new byte[] {4, 1, 2, 3, 4}, info().multiaddrs().getFirst());

        String stranger = chain.sendFailing(ExitCode.ERR_FORBIDDEN, CLIENT, miner, MinerMethods.CHANGE_PEER_ID,
                ChangePeerIdParams.CODEC.encode(new ChangePeerIdParams(new byte[] {1})), NONE);
        assertTrue(stranger.startsWith("ChangePeerID: caller " + chain.id(CLIENT.address())
                + " is not the owner, worker or a control address"), stranger);
        String tooLong = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner, MinerMethods.CHANGE_PEER_ID,
                ChangePeerIdParams.CODEC.encode(new ChangePeerIdParams(new byte[129])), NONE);
        assertTrue(tooLong.contains("exceeds the maximum of 128"), tooLong);
        String empty = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner, MinerMethods.CHANGE_MULTIADDRS,
                ChangeMultiaddrsParams.CODEC.encode(new ChangeMultiaddrsParams(List.of(new byte[0]))), NONE);
        assertTrue(empty.contains("empty multiaddress"), empty);
        assertArrayEquals(new byte[] {9, 9}, info().peerId(), "refusals changed nothing");
    }

    @Test
    void ownerChangeIsProposedByTheOwnerAndConfirmedByTheNewOwner() {
        Address other = chain.id(OTHER.address());
        byte[] toOther = ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(other));
        String early = chain.sendFailing(ExitCode.ERR_FORBIDDEN, OTHER, miner, MinerMethods.CHANGE_OWNER_ADDRESS,
                toOther, NONE);
        assertTrue(early.contains("is not the owner " + owner), early);

        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_OWNER_ADDRESS, toOther, NONE);
        assertEquals(other, info().pendingOwnerAddress());
        assertEquals(owner, info().owner(), "not before the confirmation");
        String stranger = chain.sendFailing(ExitCode.ERR_FORBIDDEN, CLIENT, miner, MinerMethods.CHANGE_OWNER_ADDRESS,
                toOther, NONE);
        assertTrue(stranger.contains("is not the proposed owner " + other), stranger);
        String wrong = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OTHER, miner, MinerMethods.CHANGE_OWNER_ADDRESS,
                ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(chain.id(CLIENT.address()))), NONE);
        assertTrue(wrong.contains("expected confirmation of " + other), wrong);

        chain.sendOk(OTHER, miner, MinerMethods.CHANGE_OWNER_ADDRESS, toOther, NONE);
        MinerInfo changed = info();
        assertEquals(other, changed.owner());
        assertEquals(other, changed.beneficiary(), "the beneficiary follows the owner it was");
        assertNull(changed.pendingOwnerAddress());
    }

    @Test
    void theOwnerWithdrawsAProposalByProposingItself() {
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_OWNER_ADDRESS,
                ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(chain.id(OTHER.address()))), NONE);
        chain.sendOk(OWNER, miner, MinerMethods.CHANGE_OWNER_ADDRESS,
                ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(owner)), NONE);
        assertNull(info().pendingOwnerAddress());
        String keyAddress = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner,
                MinerMethods.CHANGE_OWNER_ADDRESS, ChangeOwnerAddressParams.CODEC.encode(
                        new ChangeOwnerAddressParams(OTHER.address())), NONE);
        assertTrue(keyAddress.contains("must be given as an ID address"), keyAddress);
    }

    @Test
    void withdrawBalancePaysTheOwnerAtMostTheAvailableBalance() {
        TokenAmount before = chain.balance(OWNER.address());
        byte[] ret = chain.sendOk(OWNER, miner, MinerMethods.WITHDRAW_BALANCE,
                WithdrawBalanceParams.CODEC.encode(new WithdrawBalanceParams(TokenAmount.ofFil(30))), NONE);
        assertEquals(TokenAmount.ofFil(30), FilCodecs.TOKEN_AMOUNT.decode(ret));
        assertEquals(TokenAmount.ofFil(70), chain.balance(miner));
        TokenAmount received = chain.balance(OWNER.address()).subtract(before);
        assertTrue(received.compareTo(TokenAmount.ofFil(29)) > 0 && received.compareTo(TokenAmount.ofFil(30)) < 0,
                "30 FIL less the message's gas: " + received);

        byte[] capped = chain.sendOk(OWNER, miner, MinerMethods.WITHDRAW_BALANCE,
                WithdrawBalanceParams.CODEC.encode(new WithdrawBalanceParams(TokenAmount.ofFil(1_000))), NONE);
        assertEquals(TokenAmount.ofFil(70), FilCodecs.TOKEN_AMOUNT.decode(capped), "capped at the available balance");
        assertEquals(TokenAmount.ZERO, chain.balance(miner));
        assertEquals(ActorChain.GENESIS_TOTAL, chain.totalBalance());
    }

    @Test
    void withdrawBalanceRefusals() {
        String byWorker = chain.sendFailing(ExitCode.ERR_FORBIDDEN, WORKER, miner, MinerMethods.WITHDRAW_BALANCE,
                WithdrawBalanceParams.CODEC.encode(new WithdrawBalanceParams(TokenAmount.ofFil(1))), NONE);
        assertEquals("WithdrawBalance: caller " + worker + " is not the owner or the beneficiary " + owner, byWorker);
        String negative = chain.sendFailing(ExitCode.ERR_ILLEGAL_ARGUMENT, OWNER, miner, MinerMethods.WITHDRAW_BALANCE,
                WithdrawBalanceParams.CODEC.encode(new WithdrawBalanceParams(TokenAmount.ofAtto(-1))), NONE);
        assertTrue(negative.contains("negative amount requested"), negative);
        assertEquals(TokenAmount.ofFil(100), chain.balance(miner));
    }

    @Test
    void unknownMethodsAreUnhandled() {
        String error = chain.sendFailing(ExitCode.ERR_UNHANDLED_MESSAGE, OWNER, miner, MinerMethods.SUBMIT_WINDOWED_POST,
                new byte[0], NONE);
        assertEquals("storageminer actor has no method 5", error);
    }
}

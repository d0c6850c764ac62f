package dev.granary.chain.actors.miner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.ActorCode;
import dev.granary.chain.actors.ActorException;
import dev.granary.chain.actors.ActorRuntime;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.actors.StateKeys;
import dev.granary.chain.actors.account.AccountMethods;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;

/**
 * The storage miner actor: its info (owner, worker, control addresses, peer, proof type) and funds.
 * Caller rules, checks and exit codes follow builtin-actors; sectors, deadlines and proofs come later.
 *
 * <p>Devnet differences: ChangeWorkerAddress called with the current worker cancels a pending change,
 * and with another new worker replaces it (builtin-actors keeps the first pending change); the change
 * takes effect only through ConfirmChangeWorkerAddress, which refuses with USR_ILLEGAL_STATE when
 * nothing is pending or the epoch has not come (builtin-actors returns quietly, and also applies it in
 * the deadline cron the devnet does not run yet). The constructor locks no creation deposit (FIP-0077).
 */
public final class MinerActor implements ActorCode {

    public static final MinerActor INSTANCE = new MinerActor();

    private MinerActor() {
    }

    @Override
    public byte[] invoke(ActorRuntime rt, long method, byte[] params) {
        if (method == MinerMethods.CONSTRUCTOR) {
            construct(rt, FilCodecs.decodeParams("Miner.Constructor", MinerConstructorParams.CODEC, params));
            return null;
        }
        if (method == MinerMethods.CONTROL_ADDRESSES) {
            MinerInfo info = readInfo(rt, rt.state(MinerState.CODEC));
            return GetControlAddressesReturn.CODEC.encode(
                    new GetControlAddressesReturn(info.owner(), info.worker(), info.controlAddresses()));
        }
        if (method == MinerMethods.CHANGE_WORKER_ADDRESS) {
            changeWorkerAddress(rt, FilCodecs.decodeParams("ChangeWorkerAddress", ChangeWorkerAddressParams.CODEC, params));
            return null;
        }
        if (method == MinerMethods.CHANGE_PEER_ID) {
            changePeerId(rt, FilCodecs.decodeParams("ChangePeerID", ChangePeerIdParams.CODEC, params));
            return null;
        }
        if (method == MinerMethods.WITHDRAW_BALANCE) {
            return FilCodecs.TOKEN_AMOUNT.encode(
                    withdrawBalance(rt, FilCodecs.decodeParams("WithdrawBalance", WithdrawBalanceParams.CODEC, params)));
        }
        if (method == MinerMethods.CHANGE_MULTIADDRS) {
            changeMultiaddrs(rt, FilCodecs.decodeParams("ChangeMultiaddrs", ChangeMultiaddrsParams.CODEC, params));
            return null;
        }
        if (method == MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS) {
            confirmChangeWorkerAddress(rt);
            return null;
        }
        if (method == MinerMethods.CHANGE_OWNER_ADDRESS) {
            changeOwnerAddress(rt, FilCodecs.decodeParams("ChangeOwnerAddress", ChangeOwnerAddressParams.CODEC, params));
            return null;
        }
        throw ActorException.unhandledMethod(BuiltinActor.MINER, method);
    }

    private static void construct(ActorRuntime rt, MinerConstructorParams p) {
        String method = "Miner.Constructor";
        rt.validateCallerIs(method, "the init actor", List.of(SingletonActors.INIT));
        checkControlAddressCount(method, p.controlAddresses());
        checkPeerInfo(method, p.peerId(), p.multiaddrs());
        RegisteredPoStProof proof = allowedProof(method, p.windowPoStProofType());
        Address owner = Address.ofId(rt.resolveAddress(p.owner()).orElseThrow(() -> ActorException.illegalArgument(
                method + ": unable to resolve owner address " + p.owner() + "; it needs an actor (fund it first)")));
        Address worker = resolveWorker(rt, method, p.worker());
        List<Address> control = resolveControlAddresses(rt, method, p.controlAddresses());

        ChainPolicy policy = rt.policy();
        long epoch = rt.epoch();
        long offset = MinerPolicy.provingPeriodOffset(
                rt.hashBlake2b(MinerPolicy.provingPeriodOffsetSeed(rt.receiver(), epoch)), policy);
        long periodStart = MinerPolicy.currentProvingPeriodStart(policy, epoch, offset);
        if (periodStart > epoch) {
            throw ActorException.illegalState(method + ": proving period start " + periodStart + " is after epoch " + epoch);
        }
        long deadline = MinerPolicy.currentDeadlineIndex(policy, epoch, periodStart);
        if (deadline >= policy.wpostPeriodDeadlines()) {
            throw ActorException.illegalState(method + ": deadline index " + deadline + " is out of range");
        }
        MinerInfo info = MinerInfo.create(owner, worker, control, p.peerId(), p.multiaddrs(), proof);
        rt.saveState(MinerState.CODEC, MinerState.create(writeInfo(rt, info), periodStart, deadline));
    }

    /**
     * Control addresses change now; a new worker becomes pending for the policy's worker key change
     * delay. The current worker as "new worker" cancels a pending change.
     */
    private static void changeWorkerAddress(ActorRuntime rt, ChangeWorkerAddressParams p) {
        String method = "ChangeWorkerAddress";
        checkControlAddressCount(method, p.newControlAddresses());
        Address newWorker = resolveWorker(rt, method, p.newWorker());
        List<Address> control = resolveControlAddresses(rt, method, p.newControlAddresses());
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        rt.validateCallerIs(method, "the owner", List.of(info.owner()));
        PendingWorkerKey pending = info.pendingWorkerKey();
        if (newWorker.equals(info.worker())) {
            pending = null;
        } else if (pending == null || !pending.newWorker().equals(newWorker)) {
            pending = new PendingWorkerKey(newWorker, rt.epoch() + rt.policy().workerKeyChangeDelay());
        }
        saveInfo(rt, st, info.withControl(control, pending));
    }

    private static void confirmChangeWorkerAddress(ActorRuntime rt) {
        String method = "ConfirmChangeWorkerAddress";
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        rt.validateCallerIs(method, "the owner", List.of(info.owner()));
        PendingWorkerKey pending = info.pendingWorkerKey();
        if (pending == null) {
            throw ActorException.illegalState(method + ": no worker change is pending; propose one with ChangeWorkerAddress");
        }
        if (rt.epoch() < pending.effectiveAt()) {
            throw ActorException.illegalState(method + ": the change to worker " + pending.newWorker()
                    + " takes effect at epoch " + pending.effectiveAt() + ", it is epoch " + rt.epoch()
                    + "; confirm it then");
        }
        saveInfo(rt, st, info.withPendingWorkerApplied());
    }

    private static void changePeerId(ActorRuntime rt, ChangePeerIdParams p) {
        String method = "ChangePeerID";
        checkPeerInfo(method, p.newId(), List.of());
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        rt.validateCallerIs(method, "the owner, worker or a control address", info.controllingAddresses());
        saveInfo(rt, st, info.withPeerId(p.newId()));
    }

    private static void changeMultiaddrs(ActorRuntime rt, ChangeMultiaddrsParams p) {
        String method = "ChangeMultiaddrs";
        checkPeerInfo(method, new byte[0], p.newMultiaddrs());
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        rt.validateCallerIs(method, "the owner, worker or a control address", info.controllingAddresses());
        saveInfo(rt, st, info.withMultiaddrs(p.newMultiaddrs()));
    }

    /** The owner proposes a new owner (proposing itself withdraws the proposal); the proposed address confirms. */
    private static void changeOwnerAddress(ActorRuntime rt, ChangeOwnerAddressParams p) {
        String method = "ChangeOwnerAddress";
        Address proposed = p.newOwner();
        if (proposed.protocol() != Protocol.ID) {
            throw ActorException.illegalArgument(method + ": the new owner must be given as an ID address, got " + proposed);
        }
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        Address pending = info.pendingOwnerAddress();
        if (rt.caller().equals(info.owner()) || pending == null) {
            rt.validateCallerIs(method, "the owner", List.of(info.owner()));
            saveInfo(rt, st, info.withPendingOwner(proposed));
            return;
        }
        rt.validateCallerIs(method, "the proposed owner", List.of(pending));
        if (!proposed.equals(pending)) {
            throw ActorException.illegalArgument(method + ": expected confirmation of " + pending + ", got " + proposed);
        }
        saveInfo(rt, st, info.withPendingOwnerConfirmed());
    }

    /** Pays out up to {@code amountRequested} of the available balance to the beneficiary and returns the amount. */
    private static TokenAmount withdrawBalance(ActorRuntime rt, WithdrawBalanceParams p) {
        String method = "WithdrawBalance";
        if (p.amountRequested().isNegative()) {
            throw ActorException.illegalArgument(method + ": negative amount requested " + p.amountRequested());
        }
        MinerState st = rt.state(MinerState.CODEC);
        MinerInfo info = readInfo(rt, st);
        rt.validateCallerIs(method, "the owner or the beneficiary", distinct(info.owner(), info.beneficiary()));
        TokenAmount unlocked = st.unlockedBalance(rt.currentBalance());
        if (unlocked.isNegative()) {
            throw ActorException.illegalState(method + ": unlocked balance " + unlocked + " is negative");
        }
        TokenAmount feeToBurn = st.feeDebt();
        if (unlocked.compareTo(feeToBurn) < 0) {
            throw ActorException.insufficientFunds(method + ": unlocked balance " + unlocked + " cannot repay the fee debt "
                    + feeToBurn);
        }
        TokenAmount available = unlocked.subtract(feeToBurn);
        st = st.withFeeDebtRepaid();
        TokenAmount amount = min(available, p.amountRequested());
        if (!info.beneficiary().equals(info.owner())) {
            TokenAmount quota = info.beneficiaryTerm().available(rt.epoch());
            if (quota.isZero()) {
                throw ActorException.forbidden(method + ": the beneficiary's term expired or its quota is used up");
            }
            amount = min(amount, quota);
            st = st.withInfo(writeInfo(rt, info.withBeneficiaryTerm(info.beneficiaryTerm().withUsed(amount))));
        }
        rt.saveState(MinerState.CODEC, st);
        if (amount.signum() > 0) {
            rt.send(info.beneficiary(), METHOD_SEND, null, amount).orThrow(method + ": paying " + info.beneficiary());
        }
        if (feeToBurn.signum() > 0) {
            rt.send(SingletonActors.BURNT_FUNDS, METHOD_SEND, null, feeToBurn).orThrow(method + ": burning the fee debt");
        }
        return amount;
    }

    /** The info linked from {@code st}, checked against its CID. */
    private static MinerInfo readInfo(ActorRuntime rt, MinerState st) {
        byte[] bytes = rt.readEntry(StateKeys.minerInfo(rt.receiver().id()));
        if (bytes == null || !ActorTable.headCid(bytes).equals(st.info())) {
            throw ActorException.illegalState("miner " + rt.receiver() + ": its info " + st.info()
                    + " is missing or does not match; the state is corrupt");
        }
        return MinerInfo.CODEC.decode(bytes);
    }

    private static Cid writeInfo(ActorRuntime rt, MinerInfo info) {
        byte[] bytes = MinerInfo.CODEC.encode(info);
        rt.writeEntry(StateKeys.minerInfo(rt.receiver().id()), bytes);
        return ActorTable.headCid(bytes);
    }

    private static void saveInfo(ActorRuntime rt, MinerState st, MinerInfo info) {
        rt.saveState(MinerState.CODEC, st.withInfo(writeInfo(rt, info)));
    }

    /** builtin-actors' resolve_worker_address: an account, whose key must be BLS (block signing). */
    private static Address resolveWorker(ActorRuntime rt, String method, Address raw) {
        long id = rt.resolveAddress(raw).orElseThrow(() -> ActorException.illegalArgument(method
                + ": unable to resolve worker address " + raw + "; it needs an actor (fund it first)"));
        Optional<BuiltinActor> kind = rt.actorKind(id);
        if (kind.orElse(null) != BuiltinActor.ACCOUNT) {
            throw ActorException.illegalArgument(method + ": worker " + raw + " must be an account actor, is "
                    + kind.map(k -> "a " + k.actorName() + " actor").orElse("of unknown code"));
        }
        if (raw.protocol() != Protocol.BLS) {
            Address key = FilCodecs.ADDRESS.decode(rt.send(Address.ofId(id), AccountMethods.PUBKEY_ADDRESS, null,
                    TokenAmount.ZERO).orThrow(method + ": reading the worker's key address"));
            if (key.protocol() != Protocol.BLS) {
                throw ActorException.illegalArgument(method + ": worker account f0" + id + " must have a BLS key, has "
                        + key + "; use an f3 address as worker");
            }
        }
        return Address.ofId(id);
    }

    private static List<Address> resolveControlAddresses(ActorRuntime rt, String method, List<Address> raw) {
        List<Address> resolved = new ArrayList<>(raw.size());
        for (Address address : raw) {
            resolved.add(Address.ofId(rt.resolveAddress(address).orElseThrow(() -> ActorException.illegalArgument(
                    method + ": unable to resolve control address " + address + "; it needs an actor (fund it first)"))));
        }
        return resolved;
    }

    private static void checkControlAddressCount(String method, List<Address> control) {
        if (control.size() > MinerPolicy.MAX_CONTROL_ADDRESSES) {
            throw ActorException.illegalArgument(method + ": " + control.size() + " control addresses exceed the maximum of "
                    + MinerPolicy.MAX_CONTROL_ADDRESSES);
        }
    }

    private static void checkPeerInfo(String method, byte[] peerId, List<byte[]> multiaddrs) {
        if (peerId.length > MinerPolicy.MAX_PEER_ID_LENGTH) {
            throw ActorException.illegalArgument(method + ": peer ID of " + peerId.length + " bytes exceeds the maximum of "
                    + MinerPolicy.MAX_PEER_ID_LENGTH);
        }
        int total = 0;
        for (byte[] multiaddr : multiaddrs) {
            if (multiaddr.length == 0) {
                throw ActorException.illegalArgument(method + ": empty multiaddress");
            }
            total += multiaddr.length;
        }
        if (total > MinerPolicy.MAX_MULTIADDR_DATA) {
            throw ActorException.illegalArgument(method + ": multiaddresses of " + total + " bytes exceed the maximum of "
                    + MinerPolicy.MAX_MULTIADDR_DATA);
        }
    }

    private static RegisteredPoStProof allowedProof(String method, long number) {
        RegisteredPoStProof proof = RegisteredPoStProof.byNumber(number).orElseThrow(() -> ActorException.illegalArgument(
                method + ": unknown Window PoSt proof type " + number));
        if (!proof.allowedForNewMiners()) {
            throw ActorException.illegalArgument(method + ": proof type " + number + " (" + proof
                    + ") is not allowed for new miners; use a V1_1 window proof (10 to 14)");
        }
        return proof;
    }

    private static List<Address> distinct(Address a, Address b) {
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }

    private static TokenAmount min(TokenAmount a, TokenAmount b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

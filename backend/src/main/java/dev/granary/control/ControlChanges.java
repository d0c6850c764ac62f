package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.miner.ChangeOwnerAddressParams;
import dev.granary.chain.actors.miner.ChangeWorkerAddressParams;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.actors.miner.MinerMethods;
import dev.granary.chain.actors.miner.MinerPolicy;
import dev.granary.chain.actors.miner.PendingWorkerKey;
import dev.granary.errors.ConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The miner-actor messages that change control addresses, worker and owner, built only after the
 * checks the actor would make (and a few it would not: nothing to change, not yet effective), so a
 * message that would fail on chain is refused here with what to do instead.
 */
final class ControlChanges {

    /** A message to send from {@code signer} (an ID address) to the miner. */
    record Change(Address signer, String signerRole, long method, byte[] params, String purpose, String detail) {}

    private final ControlChain chain;

    ControlChanges(ControlChain chain) {
        this.chain = chain;
    }

    /**
     * ChangeWorkerAddress from the owner with new control addresses and the worker unchanged. When a
     * worker change is pending, the pending worker is passed instead: the devnet's actor would read the
     * current worker as "cancel the pending change", builtin-actors ignores the field while one is
     * pending, so the pending worker keeps the change on both (Lotus passes mi.Worker).
     */
    Change controlAddresses(ControlChain.Miner miner, List<Address> wanted, String action) {
        if (wanted.size() > MinerPolicy.MAX_CONTROL_ADDRESSES) {
            throw new IllegalArgumentException(action + ": " + wanted.size() + " control addresses exceed the maximum of "
                + MinerPolicy.MAX_CONTROL_ADDRESSES);
        }
        List<Address> ids = new ArrayList<>();
        for (Address a : wanted) {
            Address id = chain.account(a, "control address", action);
            if (ids.contains(id)) {
                throw new IllegalArgumentException(action + ": " + a + " (" + id + ") is listed twice");
            }
            ids.add(id);
        }
        MinerInfo info = miner.info();
        if (ids.equals(info.controlAddresses())) {
            throw new ConflictException(action + ": the control addresses are already " + list(ids) + "; nothing to change");
        }
        PendingWorkerKey pending = info.pendingWorkerKey();
        Address worker = pending == null ? info.worker() : pending.newWorker();
        byte[] params = ChangeWorkerAddressParams.CODEC.encode(new ChangeWorkerAddressParams(worker, ids));
        return new Change(info.owner(), "owner", MinerMethods.CHANGE_WORKER_ADDRESS, params, "control-addresses",
            "control addresses " + list(info.controlAddresses()) + " -> " + list(ids));
    }

    /** ChangeWorkerAddress from the owner proposing a new worker (an account with a BLS key), controls kept. */
    Change proposeWorker(ControlChain.Miner miner, Address newWorker, String action) {
        Address id = chain.account(newWorker, "new worker", action);
        Address key = chain.keyOf(id).orElseThrow();
        if (key.protocol() != Protocol.BLS) {
            throw new IllegalArgumentException(action + ": the worker signs blocks, so it needs a BLS key; " + newWorker
                + " has the key " + key + "; use an f3 address");
        }
        MinerInfo info = miner.info();
        PendingWorkerKey pending = info.pendingWorkerKey();
        if (pending == null && info.worker().equals(id)) {
            throw new ConflictException(action + ": the worker is already " + id);
        }
        if (pending != null && pending.newWorker().equals(id)) {
            throw new ConflictException(action + ": a change to worker " + id + " is already pending; confirm it at or"
                + " after epoch " + pending.effectiveAt());
        }
        byte[] params = ChangeWorkerAddressParams.CODEC.encode(new ChangeWorkerAddressParams(id, info.controlAddresses()));
        return new Change(info.owner(), "owner", MinerMethods.CHANGE_WORKER_ADDRESS, params, "change-worker",
            "propose worker " + info.worker() + " -> " + id
                + (pending == null ? "" : " (replacing the pending change to " + pending.newWorker() + ")"));
    }

    /** ConfirmChangeWorkerAddress from the owner, once the head has reached the change's epoch. */
    Change confirmWorker(ControlChain.Miner miner, Optional<Address> expected, String action) {
        MinerInfo info = miner.info();
        PendingWorkerKey pending = info.pendingWorkerKey();
        if (pending == null) {
            throw new ConflictException(action + ": no worker change is pending; propose one first");
        }
        if (expected.isPresent()) {
            Address id = chain.idOf(expected.get()).orElse(expected.get());
            if (!id.equals(pending.newWorker())) {
                throw new ConflictException(action + ": worker " + expected.get() + " does not match the pending change to "
                    + pending.newWorker());
            }
        }
        long head = chain.headHeight();
        if (head < pending.effectiveAt()) {
            throw new ConflictException(action + ": the change to worker " + pending.newWorker() + " takes effect at epoch "
                + pending.effectiveAt() + " and the head is at " + head + "; confirm it in "
                + (pending.effectiveAt() - head) + " epochs");
        }
        return new Change(info.owner(), "owner", MinerMethods.CONFIRM_CHANGE_WORKER_ADDRESS, new byte[0], "confirm-worker",
            "confirm worker " + info.worker() + " -> " + pending.newWorker());
    }

    /** ChangeOwnerAddress from the current owner; proposing the owner itself withdraws a pending proposal. */
    Change proposeOwner(ControlChain.Miner miner, Address newOwner, String action) {
        Address id = chain.account(newOwner, "new owner", action);
        MinerInfo info = miner.info();
        Address pending = info.pendingOwnerAddress();
        if (id.equals(info.owner()) && pending == null) {
            throw new ConflictException(action + ": " + id + " already owns " + miner.id());
        }
        if (id.equals(pending)) {
            throw new ConflictException(action + ": " + id + " is already the proposed owner; confirm from it");
        }
        byte[] params = ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(id));
        String detail = id.equals(info.owner()) ? "withdraw the proposed owner " + pending
            : "propose owner " + info.owner() + " -> " + id;
        return new Change(info.owner(), "owner", MinerMethods.CHANGE_OWNER_ADDRESS, params, "change-owner", detail);
    }

    /** ChangeOwnerAddress from the proposed owner with its own ID: the change takes effect. */
    Change confirmOwner(ControlChain.Miner miner, Address newOwner, String action) {
        Address id = chain.account(newOwner, "new owner", action);
        MinerInfo info = miner.info();
        Address pending = info.pendingOwnerAddress();
        if (pending == null) {
            throw new ConflictException(action + ": no owner change is pending; the current owner " + info.owner()
                + " must propose " + id + " first");
        }
        if (!pending.equals(id)) {
            throw new ConflictException(action + ": the proposed owner is " + pending + ", not " + id);
        }
        byte[] params = ChangeOwnerAddressParams.CODEC.encode(new ChangeOwnerAddressParams(id));
        return new Change(id, "new owner", MinerMethods.CHANGE_OWNER_ADDRESS, params, "confirm-owner",
            "confirm owner " + info.owner() + " -> " + id);
    }

    private static String list(List<Address> addresses) {
        return addresses.stream().map(Address::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}

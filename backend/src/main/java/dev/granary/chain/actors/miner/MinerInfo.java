package dev.granary.chain.actors.miner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborCodecs;
import dev.granary.chain.actors.FilCodecs;

/**
 * A miner actor's info, shaped like go-state-types' miner.MinerInfo (v9 and later), encoded as its
 * 14-field tuple [Owner, Worker, ControlAddresses, PendingWorkerKey, PeerId, Multiaddrs,
 * WindowPoStProofType, SectorSize, WindowPoStPartitionSectors, ConsensusFaultElapsed,
 * PendingOwnerAddress, Beneficiary, BeneficiaryTerm, PendingBeneficiaryTerm]. Addresses are ID
 * addresses as the actor stores them; {@code pendingWorkerKey}, {@code pendingOwnerAddress} and
 * {@code pendingBeneficiaryTerm} are null when nothing is pending.
 *
 * @param consensusFaultElapsed the epoch a consensus-fault suspension ends; -1 (Filecoin's
 *                              EPOCH_UNDEFINED) when never faulted
 * @param beneficiary           who receives withdrawals: the owner unless changed (the devnet has no
 *                              ChangeBeneficiary yet, so always the owner)
 */
public record MinerInfo(Address owner, Address worker, List<Address> controlAddresses, PendingWorkerKey pendingWorkerKey,
                        byte[] peerId, List<byte[]> multiaddrs, long windowPoStProofType, long sectorSize,
                        long windowPoStPartitionSectors, long consensusFaultElapsed, Address pendingOwnerAddress,
                        Address beneficiary, BeneficiaryTerm beneficiaryTerm,
                        PendingBeneficiaryChange pendingBeneficiaryTerm) {

    /** Filecoin's EPOCH_UNDEFINED. */
    public static final long NO_EPOCH = -1;

    public static final CborCodec<MinerInfo> CODEC = CborCodec.tuple("MinerInfo", 14,
        (i, w) -> {
            FilCodecs.ADDRESS.encode(i.owner(), w);
            FilCodecs.ADDRESS.encode(i.worker(), w);
            FilCodecs.ADDRESS_LIST.encode(i.controlAddresses(), w);
            CborCodecs.nullable(PendingWorkerKey.CODEC).encode(i.pendingWorkerKey(), w);
            w.writeBytes(i.peerId);
            FilCodecs.BYTES_LIST.encode(i.multiaddrs, w);
            w.writeInt(i.windowPoStProofType()).writeUnsigned(i.sectorSize()).writeUnsigned(i.windowPoStPartitionSectors())
                .writeInt(i.consensusFaultElapsed());
            FilCodecs.NULLABLE_ADDRESS.encode(i.pendingOwnerAddress(), w);
            FilCodecs.ADDRESS.encode(i.beneficiary(), w);
            BeneficiaryTerm.CODEC.encode(i.beneficiaryTerm(), w);
            CborCodecs.nullable(PendingBeneficiaryChange.CODEC).encode(i.pendingBeneficiaryTerm(), w);
        },
        r -> new MinerInfo(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS_LIST.decode(r),
            CborCodecs.nullable(PendingWorkerKey.CODEC).decode(r), r.readBytes(), FilCodecs.BYTES_LIST.decode(r),
            r.readInt(), r.readUnsigned(), r.readUnsigned(), r.readInt(), FilCodecs.NULLABLE_ADDRESS.decode(r),
            FilCodecs.ADDRESS.decode(r), BeneficiaryTerm.CODEC.decode(r),
            CborCodecs.nullable(PendingBeneficiaryChange.CODEC).decode(r)));

    public MinerInfo {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(beneficiaryTerm, "beneficiaryTerm");
        controlAddresses = List.copyOf(controlAddresses);
        peerId = peerId == null ? new byte[0] : peerId.clone();
        multiaddrs = multiaddrs.stream().map(byte[]::clone).toList();
    }

    /** A new miner's info (builtin-actors MinerInfo::new): its owner is its beneficiary, nothing pending. */
    public static MinerInfo create(Address owner, Address worker, List<Address> controlAddresses, byte[] peerId,
            List<byte[]> multiaddrs, RegisteredPoStProof proof) {
        return new MinerInfo(owner, worker, controlAddresses, null, peerId, multiaddrs, proof.number(), proof.sectorSize(),
            proof.windowPoStPartitionSectors(), NO_EPOCH, null, owner, BeneficiaryTerm.NONE, null);
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    @Override
    public List<byte[]> multiaddrs() {
        return multiaddrs.stream().map(byte[]::clone).toList();
    }

    /** The owner, the worker and the control addresses: who may run the miner's day-to-day methods. */
    public List<Address> controllingAddresses() {
        List<Address> all = new ArrayList<>(controlAddresses);
        all.add(worker);
        all.add(owner);
        return List.copyOf(all);
    }

    public MinerInfo withControl(List<Address> newControlAddresses, PendingWorkerKey newPendingWorkerKey) {
        return new MinerInfo(owner, worker, newControlAddresses, newPendingWorkerKey, peerId, multiaddrs,
            windowPoStProofType, sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pendingOwnerAddress,
            beneficiary, beneficiaryTerm, pendingBeneficiaryTerm);
    }

    /** The info once the pending worker key took effect. */
    public MinerInfo withPendingWorkerApplied() {
        return new MinerInfo(owner, pendingWorkerKey.newWorker(), controlAddresses, null, peerId, multiaddrs,
            windowPoStProofType, sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pendingOwnerAddress,
            beneficiary, beneficiaryTerm, pendingBeneficiaryTerm);
    }

    public MinerInfo withPeerId(byte[] newPeerId) {
        return new MinerInfo(owner, worker, controlAddresses, pendingWorkerKey, newPeerId, multiaddrs, windowPoStProofType,
            sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pendingOwnerAddress, beneficiary,
            beneficiaryTerm, pendingBeneficiaryTerm);
    }

    public MinerInfo withMultiaddrs(List<byte[]> newMultiaddrs) {
        return new MinerInfo(owner, worker, controlAddresses, pendingWorkerKey, peerId, newMultiaddrs, windowPoStProofType,
            sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pendingOwnerAddress, beneficiary,
            beneficiaryTerm, pendingBeneficiaryTerm);
    }

    /** The info with {@code proposed} as the pending owner; proposing the owner itself clears the proposal. */
    public MinerInfo withPendingOwner(Address proposed) {
        Address pending = owner.equals(proposed) ? null : proposed;
        return new MinerInfo(owner, worker, controlAddresses, pendingWorkerKey, peerId, multiaddrs, windowPoStProofType,
            sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pending, beneficiary, beneficiaryTerm,
            pendingBeneficiaryTerm);
    }

    /**
     * The info once the pending owner confirmed: it owns the miner, and receives withdrawals if the old
     * owner did; a pending beneficiary change is dropped (builtin-actors' ChangeOwnerAddress).
     */
    public MinerInfo withPendingOwnerConfirmed() {
        Address newOwner = pendingOwnerAddress;
        Address newBeneficiary = beneficiary.equals(owner) ? newOwner : beneficiary;
        return new MinerInfo(newOwner, worker, controlAddresses, pendingWorkerKey, peerId, multiaddrs, windowPoStProofType,
            sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, null, newBeneficiary, beneficiaryTerm, null);
    }

    public MinerInfo withBeneficiaryTerm(BeneficiaryTerm term) {
        return new MinerInfo(owner, worker, controlAddresses, pendingWorkerKey, peerId, multiaddrs, windowPoStProofType,
            sectorSize, windowPoStPartitionSectors, consensusFaultElapsed, pendingOwnerAddress, beneficiary, term,
            pendingBeneficiaryTerm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinerInfo i && owner.equals(i.owner) && worker.equals(i.worker)
            && controlAddresses.equals(i.controlAddresses) && Objects.equals(pendingWorkerKey, i.pendingWorkerKey)
            && Arrays.equals(peerId, i.peerId) && sameBytes(multiaddrs, i.multiaddrs)
            && windowPoStProofType == i.windowPoStProofType && sectorSize == i.sectorSize
            && windowPoStPartitionSectors == i.windowPoStPartitionSectors && consensusFaultElapsed == i.consensusFaultElapsed
            && Objects.equals(pendingOwnerAddress, i.pendingOwnerAddress) && beneficiary.equals(i.beneficiary)
            && beneficiaryTerm.equals(i.beneficiaryTerm) && Objects.equals(pendingBeneficiaryTerm, i.pendingBeneficiaryTerm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, worker, controlAddresses, pendingWorkerKey, Arrays.hashCode(peerId), windowPoStProofType,
            pendingOwnerAddress, beneficiary);
    }

    private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "MinerInfo[owner " + owner + ", worker " + worker + ", control " + controlAddresses + ", pending worker "
            + pendingWorkerKey + ", pending owner " + pendingOwnerAddress + ", proof " + windowPoStProofType + ", sector size "
            + sectorSize + "]";
    }
}

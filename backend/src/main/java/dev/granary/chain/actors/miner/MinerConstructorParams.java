package dev.granary.chain.actors.miner;

import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/**
 * The miner constructor's parameters, which power's CreateMiner passes through init's Exec: the tuple
 * [OwnerAddr, WorkerAddr, ControlAddrs, WindowPoStProofType, PeerId, Multiaddrs].
 */
public record MinerConstructorParams(Address owner, Address worker, List<Address> controlAddresses,
                                     long windowPoStProofType, byte[] peerId, List<byte[]> multiaddrs) {

    public static final CborCodec<MinerConstructorParams> CODEC = CborCodec.tuple("MinerConstructorParams", 6,
        (p, w) -> {
            FilCodecs.ADDRESS.encode(p.owner(), w);
            FilCodecs.ADDRESS.encode(p.worker(), w);
            FilCodecs.ADDRESS_LIST.encode(p.controlAddresses(), w);
            w.writeInt(p.windowPoStProofType()).writeBytes(p.peerId);
            FilCodecs.BYTES_LIST.encode(p.multiaddrs, w);
        },
        r -> new MinerConstructorParams(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r),
            FilCodecs.ADDRESS_LIST.decode(r), r.readInt(), r.readBytes(), FilCodecs.BYTES_LIST.decode(r)));

    public MinerConstructorParams {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(worker, "worker");
        controlAddresses = List.copyOf(controlAddresses);
        peerId = peerId == null ? new byte[0] : peerId.clone();
        multiaddrs = multiaddrs.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] peerId() {
        return peerId.clone();
    }

    @Override
    public List<byte[]> multiaddrs() {
        return multiaddrs.stream().map(byte[]::clone).toList();
    }
}

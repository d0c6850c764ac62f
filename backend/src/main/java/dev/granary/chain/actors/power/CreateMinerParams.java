package dev.granary.chain.actors.power;

import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.miner.RegisteredPoStProof;

/**
 * CreateMiner's parameters: the tuple [Owner, Worker, WindowPoStProofType, Peer, Multiaddrs].
 *
 * @param windowPoStProofType a go-state-types RegisteredPoStProof number, e.g. 10 for 2 KiB window
 *                            PoSt V1_1 (see {@code miner.RegisteredPoStProof})
 * @param peer                the libp2p peer ID bytes, possibly empty
 */
public record CreateMinerParams(Address owner, Address worker, long windowPoStProofType, byte[] peer,
                                List<byte[]> multiaddrs) {

    public static final CborCodec<CreateMinerParams> CODEC = CborCodec.tuple("CreateMinerParams", 5,
        (p, w) -> {
            FilCodecs.ADDRESS.encode(p.owner(), w);
            FilCodecs.ADDRESS.encode(p.worker(), w);
            w.writeInt(p.windowPoStProofType()).writeBytes(p.peer);
            FilCodecs.BYTES_LIST.encode(p.multiaddrs, w);
        },
        r -> new CreateMinerParams(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r), r.readInt(), r.readBytes(),
            FilCodecs.BYTES_LIST.decode(r)));

    /**
     * What `lotus-miner init` sends for a new miner: owner, worker, the window PoSt proof of its sector
     * size, and no peer ID or multiaddrs yet (set later with ChangePeerID / ChangeMultiaddrs).
     */
    public static CreateMinerParams forNewMiner(Address owner, Address worker, RegisteredPoStProof windowPoStProof) {
        return new CreateMinerParams(owner, worker, windowPoStProof.number(), new byte[0], List.of());
    }

    public CreateMinerParams {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(worker, "worker");
        peer = peer == null ? new byte[0] : peer.clone();
        multiaddrs = multiaddrs.stream().map(byte[]::clone).toList();
    }

    @Override
    public byte[] peer() {
        return peer.clone();
    }

    @Override
    public List<byte[]> multiaddrs() {
        return multiaddrs.stream().map(byte[]::clone).toList();
    }
}

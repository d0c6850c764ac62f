package dev.granary.chain.actors.power;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** CreateMiner's return value: the tuple [IDAddress, RobustAddress] of the new miner actor. */
public record CreateMinerReturn(Address idAddress, Address robustAddress) {

    public static final CborCodec<CreateMinerReturn> CODEC = CborCodec.tuple("CreateMinerReturn", 2,
        (r, w) -> {
            FilCodecs.ADDRESS.encode(r.idAddress(), w);
            FilCodecs.ADDRESS.encode(r.robustAddress(), w);
        },
        r -> new CreateMinerReturn(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r)));

    public CreateMinerReturn {
        Objects.requireNonNull(idAddress, "idAddress");
        Objects.requireNonNull(robustAddress, "robustAddress");
    }
}

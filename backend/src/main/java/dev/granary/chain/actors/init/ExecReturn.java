package dev.granary.chain.actors.init;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** What Exec returns: the tuple [IDAddress, RobustAddress] of the new actor. */
public record ExecReturn(Address idAddress, Address robustAddress) {

    public static final CborCodec<ExecReturn> CODEC = CborCodec.tuple("ExecReturn", 2,
        (r, w) -> {
            FilCodecs.ADDRESS.encode(r.idAddress(), w);
            FilCodecs.ADDRESS.encode(r.robustAddress(), w);
        },
        r -> new ExecReturn(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r)));

    public ExecReturn {
        Objects.requireNonNull(idAddress, "idAddress");
        Objects.requireNonNull(robustAddress, "robustAddress");
    }
}

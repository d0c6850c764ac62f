package dev.granary.chain.actors.miner;

import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** ChangeWorkerAddress' parameters: the tuple [NewWorker, NewControlAddrs]. */
public record ChangeWorkerAddressParams(Address newWorker, List<Address> newControlAddresses) {

    public static final CborCodec<ChangeWorkerAddressParams> CODEC = CborCodec.tuple("ChangeWorkerAddressParams", 2,
        (p, w) -> {
            FilCodecs.ADDRESS.encode(p.newWorker(), w);
            FilCodecs.ADDRESS_LIST.encode(p.newControlAddresses(), w);
        },
        r -> new ChangeWorkerAddressParams(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS_LIST.decode(r)));

    public ChangeWorkerAddressParams {
        Objects.requireNonNull(newWorker, "newWorker");
        newControlAddresses = List.copyOf(newControlAddresses);
    }
}

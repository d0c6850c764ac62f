package dev.granary.chain.actors.miner;

import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** ControlAddresses' return value: the tuple [Owner, Worker, ControlAddrs]. */
public record GetControlAddressesReturn(Address owner, Address worker, List<Address> controlAddresses) {

    public static final CborCodec<GetControlAddressesReturn> CODEC = CborCodec.tuple("GetControlAddressesReturn", 3,
        (c, w) -> {
            FilCodecs.ADDRESS.encode(c.owner(), w);
            FilCodecs.ADDRESS.encode(c.worker(), w);
            FilCodecs.ADDRESS_LIST.encode(c.controlAddresses(), w);
        },
        r -> new GetControlAddressesReturn(FilCodecs.ADDRESS.decode(r), FilCodecs.ADDRESS.decode(r),
            FilCodecs.ADDRESS_LIST.decode(r)));

    public GetControlAddressesReturn {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(worker, "worker");
        controlAddresses = List.copyOf(controlAddresses);
    }
}

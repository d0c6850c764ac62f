package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** ChangeOwnerAddress' parameters: the new owner's ID address alone (a transparent struct, so just its byte string). */
public record ChangeOwnerAddressParams(Address newOwner) {

    public static final CborCodec<ChangeOwnerAddressParams> CODEC = CborCodec.of(
        (p, w) -> FilCodecs.ADDRESS.encode(p.newOwner(), w),
        r -> new ChangeOwnerAddressParams(FilCodecs.ADDRESS.decode(r)));

    public ChangeOwnerAddressParams {
        Objects.requireNonNull(newOwner, "newOwner");
    }
}

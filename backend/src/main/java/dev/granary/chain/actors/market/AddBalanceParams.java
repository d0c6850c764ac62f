package dev.granary.chain.actors.market;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** AddBalance's parameters: the credited address alone (a transparent struct, so just its byte string). */
public record AddBalanceParams(Address providerOrClient) {

    public static final CborCodec<AddBalanceParams> CODEC = CborCodec.of(
        (p, w) -> FilCodecs.ADDRESS.encode(p.providerOrClient(), w),
        r -> new AddBalanceParams(FilCodecs.ADDRESS.decode(r)));

    public AddBalanceParams {
        Objects.requireNonNull(providerOrClient, "providerOrClient");
    }
}

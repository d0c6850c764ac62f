package dev.granary.chain.actors.market;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * The market's WithdrawBalance parameters: the tuple [ProviderOrClientAddress, Amount]. It returns the
 * amount withdrawn as big-integer bytes; decode it with {@link FilCodecs#TOKEN_AMOUNT}.
 */
public record WithdrawBalanceParams(Address providerOrClient, TokenAmount amount) {

    public static final CborCodec<WithdrawBalanceParams> CODEC = CborCodec.tuple("WithdrawBalanceParams", 2,
        (p, w) -> {
            FilCodecs.ADDRESS.encode(p.providerOrClient(), w);
            FilCodecs.TOKEN_AMOUNT.encode(p.amount(), w);
        },
        r -> new WithdrawBalanceParams(FilCodecs.ADDRESS.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r)));

    public WithdrawBalanceParams {
        Objects.requireNonNull(providerOrClient, "providerOrClient");
        Objects.requireNonNull(amount, "amount");
    }
}

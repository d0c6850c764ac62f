package dev.granary.chain.actors.miner;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * The miner's WithdrawBalance parameters: the tuple [AmountRequested]. It returns the amount actually
 * withdrawn (at most the available balance) as big-integer bytes; decode it with {@link FilCodecs#TOKEN_AMOUNT}.
 */
public record WithdrawBalanceParams(TokenAmount amountRequested) {

    public static final CborCodec<WithdrawBalanceParams> CODEC = CborCodec.tuple("WithdrawBalanceParams", 1,
        (p, w) -> FilCodecs.TOKEN_AMOUNT.encode(p.amountRequested(), w),
        r -> new WithdrawBalanceParams(FilCodecs.TOKEN_AMOUNT.decode(r)));

    public WithdrawBalanceParams {
        Objects.requireNonNull(amountRequested, "amountRequested");
    }
}

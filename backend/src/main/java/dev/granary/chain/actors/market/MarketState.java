package dev.granary.chain.actors.market;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * The storage market actor's state object: builtin-actors' market State without its linked
 * collections, the tuple [NextID, LastCron, TotalClientLockedCollateral, TotalProviderLockedCollateral,
 * TotalClientStorageFee]. The escrow and locked tables are trie entries ({@code StateKeys.marketEscrow},
 * {@code marketLocked}: big-integer bytes per party, absent when zero); proposals, deal states and the
 * other collections join with deals.
 */
public record MarketState(long nextDealId, long lastCron, TokenAmount totalClientLockedCollateral,
                          TokenAmount totalProviderLockedCollateral, TokenAmount totalClientStorageFee) {

    public static final CborCodec<MarketState> CODEC = CborCodec.tuple("MarketState", 5,
        (s, w) -> {
            w.writeUnsigned(s.nextDealId()).writeInt(s.lastCron());
            FilCodecs.TOKEN_AMOUNT.encode(s.totalClientLockedCollateral(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.totalProviderLockedCollateral(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.totalClientStorageFee(), w);
        },
        r -> new MarketState(r.readUnsigned(), r.readInt(), FilCodecs.TOKEN_AMOUNT.decode(r),
            FilCodecs.TOKEN_AMOUNT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r)));

    public MarketState {
        Objects.requireNonNull(totalClientLockedCollateral, "totalClientLockedCollateral");
        Objects.requireNonNull(totalProviderLockedCollateral, "totalProviderLockedCollateral");
        Objects.requireNonNull(totalClientStorageFee, "totalClientStorageFee");
    }

    /** Genesis: no deals (LastCron −1, Filecoin's EPOCH_UNDEFINED). */
    public static MarketState genesis() {
        return new MarketState(0, -1, TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO);
    }
}

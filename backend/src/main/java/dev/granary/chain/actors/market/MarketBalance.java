package dev.granary.chain.actors.market;

import java.util.Objects;

import dev.granary.fil.TokenAmount;

/** An address' storage-market escrow (Lotus' api.MarketBalance): all of it, and the part locked by deals. */
public record MarketBalance(TokenAmount escrow, TokenAmount locked) {

    public static final MarketBalance EMPTY = new MarketBalance(TokenAmount.ZERO, TokenAmount.ZERO);

    public MarketBalance {
        Objects.requireNonNull(escrow, "escrow");
        Objects.requireNonNull(locked, "locked");
    }

    public TokenAmount available() {
        return escrow.subtract(locked);
    }
}

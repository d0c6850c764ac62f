package dev.granary.chain.actors.market;

/** The storage market actor's method numbers (builtin-actors market); the devnet implements those described. */
public final class MarketMethods {

    public static final long CONSTRUCTOR = 1;
    /** Any caller, with a positive value: params the credited address (a byte string). */
    public static final long ADD_BALANCE = 2;
    /** Params {@link WithdrawBalanceParams}; returns the amount withdrawn (big-integer bytes). */
    public static final long WITHDRAW_BALANCE = 3;
    public static final long PUBLISH_STORAGE_DEALS = 4;
    public static final long CRON_TICK = 9;

    private MarketMethods() {
    }
}

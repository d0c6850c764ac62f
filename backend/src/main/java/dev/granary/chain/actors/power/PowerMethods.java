package dev.granary.chain.actors.power;

/** The storage power actor's method numbers (builtin-actors power). */
public final class PowerMethods {

    public static final long CONSTRUCTOR = 1;
    /** Account callers: params {@link CreateMinerParams}, value to the new miner; returns {@link CreateMinerReturn}. */
    public static final long CREATE_MINER = 2;
    public static final long UPDATE_CLAIMED_POWER = 3;
    public static final long ENROLL_CRON_EVENT = 4;
    /** Cron only, every epoch. */
    public static final long ON_EPOCH_TICK_END = 5;
    public static final long UPDATE_PLEDGE_TOTAL = 6;
    /** Any caller: returns {@link CurrentTotalPowerReturn}. */
    public static final long CURRENT_TOTAL_POWER = 9;

    private PowerMethods() {
    }
}

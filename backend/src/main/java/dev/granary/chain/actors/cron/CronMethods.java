package dev.granary.chain.actors.cron;

/** The cron actor's method numbers (builtin-actors cron). */
public final class CronMethods {

    public static final long CONSTRUCTOR = 1;
    /** System only, at the end of every epoch (null rounds included): calls every entry of the cron table. */
    public static final long EPOCH_TICK = 2;

    private CronMethods() {
    }
}

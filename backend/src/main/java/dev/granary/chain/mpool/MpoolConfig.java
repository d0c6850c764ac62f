package dev.granary.chain.mpool;

/**
 * Limits of the message pool.
 *
 * @param maxPendingPerSender most messages one sender may have waiting (Lotus' MaxActorPendingMessages)
 */
public record MpoolConfig(int maxPendingPerSender) {

    /** Lotus' default per-sender cap for local messages. */
    public static final int DEFAULT_MAX_PENDING_PER_SENDER = 1000;

    public MpoolConfig {
        if (maxPendingPerSender < 1) {
            throw new IllegalArgumentException("mpool maxPendingPerSender must be at least 1, got " + maxPendingPerSender);
        }
    }

    public static MpoolConfig defaults() {
        return new MpoolConfig(DEFAULT_MAX_PENDING_PER_SENDER);
    }
}

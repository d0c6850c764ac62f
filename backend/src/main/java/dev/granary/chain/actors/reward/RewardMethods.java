package dev.granary.chain.actors.reward;

/** The reward actor's method numbers (builtin-actors reward). */
public final class RewardMethods {

    public static final long CONSTRUCTOR = 1;
    /** System only, once per block: params {@link AwardBlockRewardParams}. */
    public static final long AWARD_BLOCK_REWARD = 2;
    /** Any caller: returns {@link ThisEpochRewardReturn}. */
    public static final long THIS_EPOCH_REWARD = 3;
    /** Power actor only, at the end of every epoch: params the network's raw byte power (big integer bytes or null). */
    public static final long UPDATE_NETWORK_KPI = 4;

    private RewardMethods() {
    }
}

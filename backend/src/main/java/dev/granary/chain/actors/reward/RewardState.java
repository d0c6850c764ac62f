package dev.granary.chain.actors.reward;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/**
 * The reward actor's state, the tuple [ThisEpochReward, Epoch, TotalStoragePowerReward, SimpleTotal,
 * DecayDenominator, ThisEpochRealizedPower].
 *
 * <p>Devnet minting is the discrete form of Filecoin's simple exponential minting, in integers only:
 * the first block reward is {@code pool / N} and every epoch the reward loses {@code reward / N}
 * (floor), where {@code N = round(6 years / blockDelay / ln 2)}. Mainnet's simple minting halves every
 * six years (λ = ln 2 / 6 years); {@code (1 − 1/N)^(6 years / blockDelay)} is one half to within
 * 1/N, and the rewards of all epochs sum to at most the pool. N is computed once, at genesis, and
 * stored here, so replaying the chain never involves floating point. Filecoin's baseline minting has
 * no devnet counterpart.
 *
 * @param thisEpochReward          the block reward (per win) of epoch {@code epoch}
 * @param epoch                    the epoch {@code thisEpochReward} is for: genesis sets 1, each
 *                                 UpdateNetworkKPI at epoch e moves it to e + 1
 * @param totalStoragePowerReward  block rewards paid so far (gas rewards excluded)
 * @param simpleTotal              the pool genesis gave the reward actor
 * @param decayDenominator         N
 * @param thisEpochRealizedPower   the network raw byte power the power actor last reported
 */
public record RewardState(TokenAmount thisEpochReward, long epoch, TokenAmount totalStoragePowerReward,
                          TokenAmount simpleTotal, long decayDenominator, BigInteger thisEpochRealizedPower) {

    /** Seconds in a year as builtin-actors counts them (365.24 days). */
    public static final long SECONDS_IN_YEAR = 31_556_925;
    /** Years until the simple minting rate halves. */
    public static final long HALF_LIFE_YEARS = 6;

    public static final CborCodec<RewardState> CODEC = CborCodec.tuple("RewardState", 6,
        (s, w) -> {
            FilCodecs.TOKEN_AMOUNT.encode(s.thisEpochReward(), w);
            w.writeInt(s.epoch());
            FilCodecs.TOKEN_AMOUNT.encode(s.totalStoragePowerReward(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.simpleTotal(), w);
            w.writeInt(s.decayDenominator());
            FilCodecs.BIG_INT.encode(s.thisEpochRealizedPower(), w);
        },
        r -> new RewardState(FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt(), FilCodecs.TOKEN_AMOUNT.decode(r),
            FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt(), FilCodecs.BIG_INT.decode(r)));

    public RewardState {
        Objects.requireNonNull(thisEpochReward, "thisEpochReward");
        Objects.requireNonNull(totalStoragePowerReward, "totalStoragePowerReward");
        Objects.requireNonNull(simpleTotal, "simpleTotal");
        Objects.requireNonNull(thisEpochRealizedPower, "thisEpochRealizedPower");
        if (decayDenominator < 1) {
            throw new IllegalArgumentException("the reward decay denominator must be at least 1, got " + decayDenominator);
        }
    }

    /** The state genesis writes for a reward pool of {@code pool} and epochs of {@code blockDelay}. */
    public static RewardState genesis(TokenAmount pool, Duration blockDelay) {
        long n = decayDenominator(blockDelay);
        TokenAmount first = TokenAmount.ofAtto(pool.attoFil().divide(BigInteger.valueOf(n)));
        return new RewardState(first, 1, TokenAmount.ZERO, pool, n, BigInteger.ZERO);
    }

    /** N = round(6 years / blockDelay / ln 2), at least 1. */
    public static long decayDenominator(Duration blockDelay) {
        if (blockDelay.isNegative() || blockDelay.isZero()) {
            throw new IllegalArgumentException("block delay must be positive, got " + blockDelay);
        }
        double epochsPerHalfLife = HALF_LIFE_YEARS * SECONDS_IN_YEAR * 1e9 / blockDelay.toNanos();
        return Math.max(1, Math.round(epochsPerHalfLife / Math.log(2)));
    }

    /** The state after the reward decayed once for every epoch from {@link #epoch()} through {@code current}. */
    public RewardState decayedThrough(long current, BigInteger realizedPower) {
        BigInteger reward = thisEpochReward.attoFil();
        BigInteger n = BigInteger.valueOf(decayDenominator);
        long next = epoch;
        while (next <= current) {
            reward = reward.subtract(reward.divide(n));
            next++;
        }
        return new RewardState(TokenAmount.ofAtto(reward), next, totalStoragePowerReward, simpleTotal, decayDenominator,
            realizedPower);
    }

    public RewardState withBlockRewardPaid(TokenAmount blockReward) {
        return new RewardState(thisEpochReward, epoch, totalStoragePowerReward.add(blockReward), simpleTotal,
            decayDenominator, thisEpochRealizedPower);
    }
}

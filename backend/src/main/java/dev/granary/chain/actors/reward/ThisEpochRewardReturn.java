package dev.granary.chain.actors.reward;

import java.math.BigInteger;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/**
 * ThisEpochReward's return value, laid out as builtin-actors' (v2 and later): the tuple
 * [ThisEpochRewardSmoothed, ThisEpochBaselinePower]. The devnet has no baseline minting, so the
 * baseline power is zero and the smoothed reward is exactly this epoch's reward.
 */
public record ThisEpochRewardReturn(FilterEstimate thisEpochRewardSmoothed, BigInteger thisEpochBaselinePower) {

    public static final CborCodec<ThisEpochRewardReturn> CODEC = CborCodec.tuple("ThisEpochRewardReturn", 2,
        (t, w) -> {
            FilterEstimate.CODEC.encode(t.thisEpochRewardSmoothed(), w);
            FilCodecs.BIG_INT.encode(t.thisEpochBaselinePower(), w);
        },
        r -> new ThisEpochRewardReturn(FilterEstimate.CODEC.decode(r), FilCodecs.BIG_INT.decode(r)));

    public ThisEpochRewardReturn {
        Objects.requireNonNull(thisEpochRewardSmoothed, "thisEpochRewardSmoothed");
        Objects.requireNonNull(thisEpochBaselinePower, "thisEpochBaselinePower");
    }
}

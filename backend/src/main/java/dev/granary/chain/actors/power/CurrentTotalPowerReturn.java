package dev.granary.chain.actors.power;

import java.math.BigInteger;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.reward.FilterEstimate;
import dev.granary.fil.TokenAmount;

/**
 * CurrentTotalPower's return value as builtin-actors lays it out since FIP-0081: the tuple
 * [RawBytePower, QualityAdjPower, PledgeCollateral, QualityAdjPowerSmoothed, RampStartEpoch,
 * RampDurationEpochs], this epoch's figures.
 */
public record CurrentTotalPowerReturn(BigInteger rawBytePower, BigInteger qualityAdjPower, TokenAmount pledgeCollateral,
                                      FilterEstimate qualityAdjPowerSmoothed, long rampStartEpoch,
                                      long rampDurationEpochs) {

    public static final CborCodec<CurrentTotalPowerReturn> CODEC = CborCodec.tuple("CurrentTotalPowerReturn", 6,
        (t, w) -> {
            FilCodecs.BIG_INT.encode(t.rawBytePower(), w);
            FilCodecs.BIG_INT.encode(t.qualityAdjPower(), w);
            FilCodecs.TOKEN_AMOUNT.encode(t.pledgeCollateral(), w);
            FilterEstimate.CODEC.encode(t.qualityAdjPowerSmoothed(), w);
            w.writeInt(t.rampStartEpoch()).writeUnsigned(t.rampDurationEpochs());
        },
        r -> new CurrentTotalPowerReturn(FilCodecs.BIG_INT.decode(r), FilCodecs.BIG_INT.decode(r),
            FilCodecs.TOKEN_AMOUNT.decode(r), FilterEstimate.CODEC.decode(r), r.readInt(), r.readUnsigned()));

    public CurrentTotalPowerReturn {
        Objects.requireNonNull(rawBytePower, "rawBytePower");
        Objects.requireNonNull(qualityAdjPower, "qualityAdjPower");
        Objects.requireNonNull(pledgeCollateral, "pledgeCollateral");
        Objects.requireNonNull(qualityAdjPowerSmoothed, "qualityAdjPowerSmoothed");
    }

    public static CurrentTotalPowerReturn of(PowerState st) {
        return new CurrentTotalPowerReturn(st.thisEpochRawBytePower(), st.thisEpochQualityAdjPower(),
            st.thisEpochPledgeCollateral(), st.thisEpochQaPowerSmoothed(), st.rampStartEpoch(), st.rampDurationEpochs());
    }
}

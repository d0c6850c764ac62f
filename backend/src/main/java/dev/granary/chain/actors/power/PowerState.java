package dev.granary.chain.actors.power;

import java.math.BigInteger;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.chain.actors.reward.FilterEstimate;
import dev.granary.fil.TokenAmount;

/**
 * The storage power actor's state: builtin-actors' power State without its three linked collections,
 * the tuple [TotalRawBytePower, TotalBytesCommitted, TotalQualityAdjPower, TotalQABytesCommitted,
 * TotalPledgeCollateral, ThisEpochRawBytePower, ThisEpochQualityAdjPower, ThisEpochPledgeCollateral,
 * ThisEpochQAPowerSmoothed, MinerCount, MinerAboveMinPowerCount, RampStartEpoch, RampDurationEpochs,
 * FirstCronEpoch]. Claims are trie entries ({@code StateKeys.powerClaim}); the cron event queue and the
 * proof validation batch come with sectors.
 */
public record PowerState(BigInteger totalRawBytePower, BigInteger totalBytesCommitted, BigInteger totalQualityAdjPower,
                         BigInteger totalQaBytesCommitted, TokenAmount totalPledgeCollateral,
                         BigInteger thisEpochRawBytePower, BigInteger thisEpochQualityAdjPower,
                         TokenAmount thisEpochPledgeCollateral, FilterEstimate thisEpochQaPowerSmoothed,
                         long minerCount, long minerAboveMinPowerCount, long rampStartEpoch, long rampDurationEpochs,
                         long firstCronEpoch) {

    /** Below this many miners with the minimum power, every miner's committed bytes count (builtin-actors). */
    public static final long CONSENSUS_MINER_MIN_MINERS = 4;

    public static final CborCodec<PowerState> CODEC = CborCodec.tuple("PowerState", 14,
        (s, w) -> {
            FilCodecs.BIG_INT.encode(s.totalRawBytePower(), w);
            FilCodecs.BIG_INT.encode(s.totalBytesCommitted(), w);
            FilCodecs.BIG_INT.encode(s.totalQualityAdjPower(), w);
            FilCodecs.BIG_INT.encode(s.totalQaBytesCommitted(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.totalPledgeCollateral(), w);
            FilCodecs.BIG_INT.encode(s.thisEpochRawBytePower(), w);
            FilCodecs.BIG_INT.encode(s.thisEpochQualityAdjPower(), w);
            FilCodecs.TOKEN_AMOUNT.encode(s.thisEpochPledgeCollateral(), w);
            FilterEstimate.CODEC.encode(s.thisEpochQaPowerSmoothed(), w);
            w.writeInt(s.minerCount()).writeInt(s.minerAboveMinPowerCount()).writeInt(s.rampStartEpoch())
                .writeUnsigned(s.rampDurationEpochs()).writeInt(s.firstCronEpoch());
        },
        r -> new PowerState(FilCodecs.BIG_INT.decode(r), FilCodecs.BIG_INT.decode(r), FilCodecs.BIG_INT.decode(r),
            FilCodecs.BIG_INT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r), FilCodecs.BIG_INT.decode(r),
            FilCodecs.BIG_INT.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r), FilterEstimate.CODEC.decode(r), r.readInt(),
            r.readInt(), r.readInt(), r.readUnsigned(), r.readInt()));

    public PowerState {
        Objects.requireNonNull(totalRawBytePower, "totalRawBytePower");
        Objects.requireNonNull(totalBytesCommitted, "totalBytesCommitted");
        Objects.requireNonNull(totalQualityAdjPower, "totalQualityAdjPower");
        Objects.requireNonNull(totalQaBytesCommitted, "totalQaBytesCommitted");
        Objects.requireNonNull(totalPledgeCollateral, "totalPledgeCollateral");
        Objects.requireNonNull(thisEpochRawBytePower, "thisEpochRawBytePower");
        Objects.requireNonNull(thisEpochQualityAdjPower, "thisEpochQualityAdjPower");
        Objects.requireNonNull(thisEpochPledgeCollateral, "thisEpochPledgeCollateral");
        Objects.requireNonNull(thisEpochQaPowerSmoothed, "thisEpochQaPowerSmoothed");
    }

    /** The state at genesis: no miners, no power, no pledge. */
    public static PowerState genesis() {
        BigInteger zero = BigInteger.ZERO;
        return new PowerState(zero, zero, zero, zero, TokenAmount.ZERO, zero, zero, TokenAmount.ZERO,
            FilterEstimate.exactly(zero), 0, 0, 0, 0, 0);
    }

    public PowerState withMinerAdded() {
        return new PowerState(totalRawBytePower, totalBytesCommitted, totalQualityAdjPower, totalQaBytesCommitted,
            totalPledgeCollateral, thisEpochRawBytePower, thisEpochQualityAdjPower, thisEpochPledgeCollateral,
            thisEpochQaPowerSmoothed, minerCount + 1, minerAboveMinPowerCount, rampStartEpoch, rampDurationEpochs,
            firstCronEpoch);
    }

    /**
     * The power that counts now: with fewer than {@link #CONSENSUS_MINER_MIN_MINERS} miners above the
     * minimum, all committed bytes; otherwise only the power of miners above it (builtin-actors'
     * current_total_power).
     */
    public Power currentTotalPower() {
        if (minerAboveMinPowerCount < CONSENSUS_MINER_MIN_MINERS) {
            return new Power(totalBytesCommitted, totalQaBytesCommitted);
        }
        return new Power(totalRawBytePower, totalQualityAdjPower);
    }

    /** A raw byte power and its quality-adjusted counterpart. */
    public record Power(BigInteger raw, BigInteger qualityAdjusted) {
    }

    /** The state after the epoch's end: this epoch's figures taken from the totals. */
    public PowerState withEpochEnded() {
        Power current = currentTotalPower();
        return new PowerState(totalRawBytePower, totalBytesCommitted, totalQualityAdjPower, totalQaBytesCommitted,
            totalPledgeCollateral, current.raw(), current.qualityAdjusted(), totalPledgeCollateral,
            FilterEstimate.exactly(current.qualityAdjusted()),
            minerCount, minerAboveMinPowerCount, rampStartEpoch, rampDurationEpochs, firstCronEpoch);
    }
}

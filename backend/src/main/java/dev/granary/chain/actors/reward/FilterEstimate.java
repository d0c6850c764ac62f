package dev.granary.chain.actors.reward;

import java.math.BigInteger;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/**
 * A smoothed estimate as builtin-actors' alpha-beta filter keeps it: the tuple [Position, Velocity],
 * both Q.128 fixed-point big integers. The devnet does not smooth: it reports the exact current value
 * with zero velocity.
 */
public record FilterEstimate(BigInteger position, BigInteger velocity) {

    /** Fractional bits of the Q.128 numbers. */
    public static final int PRECISION = 128;

    public static final CborCodec<FilterEstimate> CODEC = CborCodec.tuple("FilterEstimate", 2,
        (f, w) -> {
            FilCodecs.BIG_INT.encode(f.position(), w);
            FilCodecs.BIG_INT.encode(f.velocity(), w);
        },
        r -> new FilterEstimate(FilCodecs.BIG_INT.decode(r), FilCodecs.BIG_INT.decode(r)));

    public FilterEstimate {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(velocity, "velocity");
    }

    /** The estimate of exactly {@code value}, unchanging. */
    public static FilterEstimate exactly(BigInteger value) {
        return new FilterEstimate(value.shiftLeft(PRECISION), BigInteger.ZERO);
    }

    /** The position as a whole number (Q.0). */
    public BigInteger estimate() {
        return position.shiftRight(PRECISION);
    }
}

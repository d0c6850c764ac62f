package dev.granary.chain.actors.power;

import java.math.BigInteger;
import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;

/** A miner's power claim: the tuple [WindowPoStProofType, RawBytePower, QualityAdjPower]. */
public record Claim(long windowPoStProofType, BigInteger rawBytePower, BigInteger qualityAdjPower) {

    public static final CborCodec<Claim> CODEC = CborCodec.tuple("Claim", 3,
        (c, w) -> {
            w.writeInt(c.windowPoStProofType());
            FilCodecs.BIG_INT.encode(c.rawBytePower(), w);
            FilCodecs.BIG_INT.encode(c.qualityAdjPower(), w);
        },
        r -> new Claim(r.readInt(), FilCodecs.BIG_INT.decode(r), FilCodecs.BIG_INT.decode(r)));

    public Claim {
        Objects.requireNonNull(rawBytePower, "rawBytePower");
        Objects.requireNonNull(qualityAdjPower, "qualityAdjPower");
    }

    /** A new miner's claim: no power yet. */
    public static Claim empty(long windowPoStProofType) {
        return new Claim(windowPoStProofType, BigInteger.ZERO, BigInteger.ZERO);
    }
}

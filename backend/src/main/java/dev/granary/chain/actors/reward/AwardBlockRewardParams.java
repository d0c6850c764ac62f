package dev.granary.chain.actors.reward;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.chain.actors.FilCodecs;
import dev.granary.fil.TokenAmount;

/** AwardBlockReward's parameters: the tuple [Miner, Penalty, GasReward, WinCount]. */
public record AwardBlockRewardParams(Address miner, TokenAmount penalty, TokenAmount gasReward, long winCount) {

    public static final CborCodec<AwardBlockRewardParams> CODEC = CborCodec.tuple("AwardBlockRewardParams", 4,
        (p, w) -> {
            FilCodecs.ADDRESS.encode(p.miner(), w);
            FilCodecs.TOKEN_AMOUNT.encode(p.penalty(), w);
            FilCodecs.TOKEN_AMOUNT.encode(p.gasReward(), w);
            w.writeInt(p.winCount());
        },
        r -> new AwardBlockRewardParams(FilCodecs.ADDRESS.decode(r), FilCodecs.TOKEN_AMOUNT.decode(r),
            FilCodecs.TOKEN_AMOUNT.decode(r), r.readInt()));

    public AwardBlockRewardParams {
        Objects.requireNonNull(miner, "miner");
        Objects.requireNonNull(penalty, "penalty");
        Objects.requireNonNull(gasReward, "gasReward");
    }
}

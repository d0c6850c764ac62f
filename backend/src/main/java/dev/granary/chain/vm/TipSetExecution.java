package dev.granary.chain.vm;

import java.util.List;
import java.util.Objects;

import dev.granary.fil.TokenAmount;

/**
 * What applying a tipset depends on: the epochs of its parent and itself (the epochs between are null
 * rounds, which still run cron), the parent's base fee, and its blocks in tipset order.
 */
public record TipSetExecution(long parentEpoch, long epoch, TokenAmount baseFee, List<BlockExecution> blocks) {

    public TipSetExecution {
        Objects.requireNonNull(baseFee, "baseFee");
        if (epoch <= parentEpoch) {
            throw new IllegalArgumentException("tipset epoch " + epoch + " must be after its parent's " + parentEpoch);
        }
        if (baseFee.isNegative()) {
            throw new IllegalArgumentException("base fee cannot be negative, got " + baseFee);
        }
        blocks = List.copyOf(blocks);
    }
}

package dev.granary.chain.vm;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;

/**
 * A single block to apply with {@link Vm#apply}: its epoch (the parent one epoch earlier), the parent's
 * base fee and its miner, who receives the block reward and the tips.
 */
public record BlockContext(long epoch, TokenAmount baseFee, Address miner) {

    public BlockContext {
        Objects.requireNonNull(baseFee, "baseFee");
        Objects.requireNonNull(miner, "miner");
        if (baseFee.isNegative()) {
            throw new IllegalArgumentException("base fee cannot be negative, got " + baseFee);
        }
    }
}

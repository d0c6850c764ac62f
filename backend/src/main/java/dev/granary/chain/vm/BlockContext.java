package dev.granary.chain.vm;

import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;

/**
 * What applying a block's messages depends on besides the messages.
 *
 * @param epoch   the height the messages are applied at
 * @param baseFee the parent tipset's base fee
 * @param miner   who receives the tips: the block's miner (before miners exist, the devnet's genesis
 *                producer account). Any address an account may have; a new f1/f3 gets an account.
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

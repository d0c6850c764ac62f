package dev.granary.chain.gas;

import static dev.granary.chain.gas.GasConstants.BASE_FEE_MAX_CHANGE_DENOM;
import static dev.granary.chain.gas.GasConstants.BLOCK_GAS_TARGET;
import static dev.granary.chain.gas.GasConstants.MINIMUM_BASE_FEE;

import dev.granary.fil.TokenAmount;
import java.math.BigInteger;

/**
 * The base fee of the next tipset from how full the parent tipset was: Lotus'
 * {@code ComputeNextBaseFee} in chain/store/basefee.go (filecoin-project/lotus, read at b835fab702eb), in its post-Smoke
 * form, where the utilisation is the sum of the gas limits of the tipset's unique messages (a message
 * included by several blocks counts once), divided by the number of blocks.
 *
 * <pre>
 * delta  = clamp(gasLimitUsed / blocks - BlockGasTarget, -BlockGasTarget, +BlockGasTarget)
 * change = baseFee * delta / BlockGasTarget / BaseFeeMaxChangeDenom   (each division Go's, flooring)
 * next   = max(baseFee + change, MinimumBaseFee)
 * </pre>
 *
 * The clamp bounds a move to 1/8 of the base fee in either direction. The devnet applies this rule at
 * every epoch: it has no pre-Smoke packing-efficiency era and no Breeze tamping window. Lotus switches
 * to the premium-percentile rule of FIP-0115 at the FireHorse upgrade; the devnet does not.
 */
public final class BaseFee {

    private BaseFee() {
    }

    /**
     * @param baseFee      the parent tipset's base fee (ParentBaseFee of its blocks)
     * @param gasLimitUsed sum of the gas limits of the parent tipset's unique messages
     * @param blocks       number of blocks in the parent tipset, at least 1
     */
    public static TokenAmount next(TokenAmount baseFee, long gasLimitUsed, int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("a tipset has at least one block; got " + blocks
                    + " — pass the number of blocks of the parent tipset");
        }
        if (gasLimitUsed < 0) {
            throw new IllegalArgumentException("gas limit used cannot be negative: " + gasLimitUsed);
        }
        // Go int64 division of non-negative values truncates, as Java's does.
        long delta = gasLimitUsed / blocks - BLOCK_GAS_TARGET;
        delta = Math.max(-BLOCK_GAS_TARGET, Math.min(BLOCK_GAS_TARGET, delta));

        BigInteger change = baseFee.attoFil().multiply(BigInteger.valueOf(delta));
        change = GoMath.div(change, BigInteger.valueOf(BLOCK_GAS_TARGET));
        change = GoMath.div(change, BigInteger.valueOf(BASE_FEE_MAX_CHANGE_DENOM));

        TokenAmount next = TokenAmount.ofAtto(baseFee.attoFil().add(change));
        return next.compareTo(MINIMUM_BASE_FEE) < 0 ? MINIMUM_BASE_FEE : next;
    }
}

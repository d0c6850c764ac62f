package dev.granary.messages;

import dev.granary.chain.ChainApi;
import dev.granary.chain.gas.GasConstants;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.node.NodeConfig;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Gas for outgoing messages: the first estimate (with messages.gas-overestimation) and the fees of a
 * replacement (Lotus' `mpool replace`: premium raised by the replace factor, fee cap re-estimated,
 * both capped by the max fee as Lotus' CapGasFee does).
 */
final class FeePlanner {

    /**
     * The factor the chain's estimator (GasEstimateMessageGas) already applies to the gas used. The
     * configured overestimation replaces it rather than multiplying it, so 1.25 means 1.25 once.
     */
    static final BigDecimal CHAIN_OVERESTIMATION = new BigDecimal("1.25");
    /** The message pool's replace-by-fee rule: a replacement pays at least 1.25 × the old premium. */
    static final BigDecimal POOL_REPLACE_RATIO = new BigDecimal("1.25");

    private final ChainApi chain;
    private final BigDecimal overestimation;
    private final BigDecimal replaceFactor;
    private final TokenAmount defaultMaxFee;

    FeePlanner(ChainApi chain, NodeConfig.Messages config) {
        this.chain = chain;
        if (!(config.gasOverestimation() >= 1.0)) {
            throw new IllegalArgumentException("messages.gas-overestimation must be at least 1.0, got "
                + config.gasOverestimation());
        }
        if (!(config.replacePremiumFactor() >= 1.0)) {
            throw new IllegalArgumentException("messages.replace-premium-factor must be at least 1.0, got "
                + config.replacePremiumFactor());
        }
        this.overestimation = BigDecimal.valueOf(config.gasOverestimation());
        this.replaceFactor = BigDecimal.valueOf(config.replacePremiumFactor());
        try {
            this.defaultMaxFee = TokenAmount.parse(config.maxFee());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("messages.max-fee '" + config.maxFee() + "' is not an amount: "
                + e.getMessage());
        }
    }

    TokenAmount defaultMaxFee() {
        return defaultMaxFee;
    }

    /** Fills gas limit, premium and fee cap of {@code draft} (whose nonce is set), fee cap × limit ≤ maxFee. */
    Message estimate(Message draft, TokenAmount maxFee) {
        Message estimated = chain.gasEstimateMessageGas(draft, Optional.of(maxFee));
        if (overestimation.compareTo(CHAIN_OVERESTIMATION) == 0) {
            return estimated;
        }
        long limit = rescaledLimit(estimated.gasLimit());
        Message withLimit = withGas(draft, limit, TokenAmount.ZERO, TokenAmount.ZERO);
        return chain.gasEstimateMessageGas(withLimit, Optional.of(maxFee));
    }

    /** The chain's limit (gas used × 1.25, rounded up) moved to the configured factor. */
    long rescaledLimit(long chainLimit) {
        BigDecimal limit = new BigDecimal(chainLimit).multiply(overestimation)
            .divide(CHAIN_OVERESTIMATION, 0, RoundingMode.CEILING);
        return Math.min(limit.longValueExact(), GasConstants.BLOCK_GAS_LIMIT);
    }

    /**
     * The lowest premium a replacement of a message paying {@code old} may offer: old × the replace
     * factor and old × the pool's 1.25, rounded up, and at least one attoFIL more than old.
     */
    TokenAmount minimumPremium(TokenAmount old) {
        BigDecimal oldAtto = new BigDecimal(old.attoFil());
        BigInteger byFactor = oldAtto.multiply(replaceFactor).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger byPool = oldAtto.multiply(POOL_REPLACE_RATIO).setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        BigInteger min = byFactor.max(byPool).max(old.attoFil().add(BigInteger.ONE));
        return TokenAmount.ofAtto(min);
    }

    /** The fees a replacement would pay, or why none can be made. */
    record Plan(TokenAmount premium, TokenAmount feeCap, String blockedBecause) {
        boolean blocked() {
            return blockedBecause != null;
        }
    }

    /**
     * Lotus' automatic replacement: premium = max(estimated premium, minimum replacement premium), fee
     * cap = max(estimated fee cap, premium), then fee cap × gas limit capped at {@code maxFee}. When the
     * cap leaves the premium below the minimum, or the fee cap below the base fee, nothing can replace it.
     */
    Plan automatic(Message current, TokenAmount maxFee, TokenAmount baseFee) {
        TokenAmount minPremium = minimumPremium(current.gasPremium());
        Message estimated = chain.gasEstimateMessageGas(
            withGas(current, current.gasLimit(), TokenAmount.ZERO, TokenAmount.ZERO), Optional.of(maxFee));
        TokenAmount premium = max(estimated.gasPremium(), minPremium);
        TokenAmount feeCap = max(estimated.gasFeeCap(), premium);
        TokenAmount allowedCap = TokenAmount.ofAtto(maxFee.attoFil().divide(BigInteger.valueOf(current.gasLimit())));
        if (feeCap.compareTo(allowedCap) > 0) {
            feeCap = allowedCap;
            premium = min(premium, feeCap);
        }
        if (premium.compareTo(minPremium) < 0) {
            return new Plan(premium, feeCap, "the max fee " + maxFee + " allows a fee cap of at most "
                + allowedCap.attoFil() + " attoFIL per gas unit for gas limit " + current.gasLimit()
                + ", below the minimum replacement premium " + minPremium.attoFil() + " attoFIL (" + replaceFactor
                + " × " + current.gasPremium().attoFil() + "); raise messages.max-fee or replace it by hand with a higher maxFee");
        }
        if (feeCap.compareTo(baseFee) < 0) {
            return new Plan(premium, feeCap, "the max fee " + maxFee + " allows a fee cap of at most "
                + allowedCap.attoFil() + " attoFIL per gas unit, below the current base fee " + baseFee.attoFil()
                + " attoFIL; raise messages.max-fee or replace it by hand with a higher maxFee");
        }
        return new Plan(premium, feeCap, null);
    }

    /**
     * A replacement with the caller's premium (required) and fee cap (re-estimated when absent, at least
     * the premium); refused with IllegalArgumentException when it breaks the replace rule or the max fee.
     */
    Plan explicit(Message current, TokenAmount premium, Optional<TokenAmount> feeCap, TokenAmount maxFee) {
        TokenAmount minPremium = minimumPremium(current.gasPremium());
        if (premium.compareTo(minPremium) < 0) {
            throw new IllegalArgumentException("replacing message " + current.cid() + ": gas premium " + premium.attoFil()
                + " attoFIL is below the minimum replacement premium " + minPremium.attoFil() + " attoFIL ("
                + replaceFactor + " × " + current.gasPremium().attoFil() + "); offer at least that, or use auto");
        }
        TokenAmount cap = feeCap.orElseGet(() -> max(chain.gasEstimateMessageGas(
            withGas(current, current.gasLimit(), TokenAmount.ZERO, TokenAmount.ZERO), Optional.empty()).gasFeeCap(), premium));
        if (cap.compareTo(premium) < 0) {
            throw new IllegalArgumentException("replacing message " + current.cid() + ": gas fee cap " + cap.attoFil()
                + " attoFIL is below the gas premium " + premium.attoFil() + " attoFIL; the fee cap must cover the premium");
        }
        TokenAmount total = cap.multiply(current.gasLimit());
        if (total.compareTo(maxFee) > 0) {
            throw new IllegalArgumentException("replacing message " + current.cid() + ": fee cap " + cap.attoFil()
                + " attoFIL × gas limit " + current.gasLimit() + " = " + total + " exceeds the max fee " + maxFee
                + "; lower the fee cap or pass a higher maxFee");
        }
        return new Plan(premium, cap, null);
    }

    static Message withGas(Message m, long gasLimit, TokenAmount feeCap, TokenAmount premium) {
        return new Message(m.version(), m.to(), m.from(), m.nonce(), m.value(), gasLimit, feeCap, premium, m.method(),
            m.params());
    }

    private static TokenAmount max(TokenAmount a, TokenAmount b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static TokenAmount min(TokenAmount a, TokenAmount b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

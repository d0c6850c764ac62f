package dev.granary.chain.service;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.vm.ExitCode;
import dev.granary.chain.vm.GasEstimate;
import dev.granary.chain.vm.Vm;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * Lotus' GasEstimateMessageGas: fills the gas limit, premium and fee cap that are zero.
 * <ul>
 * <li>limit: the gas the message uses on the head's result (after the sender's pending messages), times
 * the overestimation factor 1.25, at most the block gas limit;</li>
 * <li>premium: the median premium of messages in recent blocks, at least 100 000 attoFIL (Lotus'
 * MinGasPremium), raised by a tenth so it is not outbid by the median;</li>
 * <li>fee cap: the base fee grown by 12.5 % per epoch over 20 epochs (what a fee cap must allow to
 * still be included after a run of full blocks, Lotus' default), plus the premium;</li>
 * <li>then Lotus' capGasFee: fee cap × limit may not exceed the max fee; the premium never exceeds the cap.</li>
 * </ul>
 */
final class GasEstimator {

    static final int PREMIUM_LOOKBACK = 20;
    static final BigDecimal OVERESTIMATION = new BigDecimal("1.25");
    static final TokenAmount MIN_PREMIUM = TokenAmount.ofAtto(100_000);
    private static final int FEE_CAP_EPOCHS = 20;

    private final KvStore kv;
    private final TokenAmount defaultMaxFee;

    GasEstimator(KvStore kv, TokenAmount defaultMaxFee) {
        this.kv = kv;
        this.defaultMaxFee = defaultMaxFee;
    }

    Message estimate(Message message, Optional<TokenAmount> maxFee, Cid stateRoot, long epoch, TokenAmount baseFee,
                     List<SignedMessage> pending, List<TokenAmount> recentPremiums) {
        long limit = message.gasLimit() != 0 ? message.gasLimit() : estimateLimit(message, stateRoot, epoch, baseFee, pending);
        TokenAmount premium = message.gasPremium().isZero() ? premium(recentPremiums) : message.gasPremium();
        TokenAmount feeCap = message.gasFeeCap().isZero() ? feeCap(baseFee, premium) : message.gasFeeCap();
        TokenAmount cap = maxFee.orElse(defaultMaxFee);
        TokenAmount total = feeCap.multiply(limit);
        if (!cap.isZero() && total.compareTo(cap) > 0) {
            feeCap = TokenAmount.ofAtto(cap.attoFil().divide(BigInteger.valueOf(limit)));
        }
        if (premium.compareTo(feeCap) > 0) {
            premium = feeCap;
        }
        return new Message(message.version(), message.to(), message.from(), message.nonce(), message.value(), limit, feeCap,
            premium, message.method(), message.params());
    }

    private long estimateLimit(Message message, Cid stateRoot, long epoch, TokenAmount baseFee, List<SignedMessage> pending) {
        List<SignedMessage> before = new ArrayList<>();
        for (SignedMessage m : pending) {
            if (Long.compareUnsigned(m.message().nonce(), message.nonce()) < 0) {
                before.add(m);
            }
        }
        GasEstimate estimate = Vm.estimateGas(kv, stateRoot, epoch, baseFee, message, before);
        if (estimate.exitCode() != ExitCode.OK) {
            throw new IllegalArgumentException("estimating gas: the message would fail on chain with exit code "
                + estimate.exitCode() + (estimate.error() == null ? "" : " (" + estimate.error() + ")")
                + "; fix the message (receiver, method, params or value) before sending it");
        }
        long padded = new BigDecimal(estimate.gasUsed()).multiply(OVERESTIMATION).setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.min(padded, GasConstants.BLOCK_GAS_LIMIT);
    }

    private static TokenAmount premium(List<TokenAmount> recent) {
        if (recent.isEmpty()) {
            return plusTenth(MIN_PREMIUM);
        }
        List<TokenAmount> sorted = new ArrayList<>(recent);
        sorted.sort(null);
        TokenAmount median = sorted.get(sorted.size() / 2);
        TokenAmount base = median.compareTo(MIN_PREMIUM) < 0 ? MIN_PREMIUM : median;
        return plusTenth(base);
    }

    private static TokenAmount plusTenth(TokenAmount amount) {
        return TokenAmount.ofAtto(amount.attoFil().add(amount.attoFil().divide(BigInteger.TEN)));
    }

    private static TokenAmount feeCap(TokenAmount baseFee, TokenAmount premium) {
        BigInteger grown = baseFee.attoFil();
        for (int i = 0; i < FEE_CAP_EPOCHS; i++) {
            grown = grown.add(grown.divide(BigInteger.valueOf(GasConstants.BASE_FEE_MAX_CHANGE_DENOM)));
        }
        return TokenAmount.ofAtto(grown).add(premium);
    }
}

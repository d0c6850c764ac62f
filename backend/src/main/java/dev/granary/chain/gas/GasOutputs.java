package dev.granary.chain.gas;

import static dev.granary.chain.gas.GasConstants.GAS_OVERUSE_DENOM;
import static dev.granary.chain.gas.GasConstants.GAS_OVERUSE_NUM;

import dev.granary.fil.TokenAmount;
import java.math.BigInteger;

/**
 * Where the funds a message reserved ({@code gasLimit × feeCap}) go once it has run: Lotus'
 * {@code ComputeGasOutputs} and {@code ComputeGasOverestimationBurn} in chain/vm/burn.go
 * (filecoin-project/lotus, read at b835fab702eb). {@code baseFeeBurn + overEstimationBurn + minerTip + refund} is always
 * the reservation; {@code minerPenalty} is charged to the block's miner on top, for including a
 * message whose fee cap is below the base fee.
 *
 * @param baseFeeBurn        burnt: the base fee actually paid (capped at the fee cap) × gas used
 * @param overEstimationBurn burnt: the base fee paid × {@code gasBurned}
 * @param minerPenalty       (base fee − fee cap, when positive) × (gas used + gas burned)
 * @param minerTip           to the block's miner: min(premium, feeCap − baseFeePaid) × gas limit
 * @param refund             back to the sender
 * @param gasRefund          gas of the limit neither used nor burnt
 * @param gasBurned          gas of the limit burnt for over-estimation
 */
public record GasOutputs(TokenAmount baseFeeBurn, TokenAmount overEstimationBurn, TokenAmount minerPenalty,
                         TokenAmount minerTip, TokenAmount refund, long gasRefund, long gasBurned) {

    /** The outputs of a message whose base fee is charged, as every devnet message is. */
    public static GasOutputs compute(long gasUsed, long gasLimit, TokenAmount baseFee, TokenAmount feeCap,
                                     TokenAmount gasPremium) {
        return compute(gasUsed, gasLimit, baseFee, feeCap, gasPremium, true);
    }

    /**
     * @param chargeNetworkFee false only where Lotus skips the base fee burn (implicit messages);
     *                         the tip and over-estimation burn are charged regardless
     */
    public static GasOutputs compute(long gasUsed, long gasLimit, TokenAmount baseFee, TokenAmount feeCap,
                                     TokenAmount gasPremium, boolean chargeNetworkFee) {
        if (gasUsed < 0 || gasLimit < 0) {
            throw new IllegalArgumentException("gas used (" + gasUsed + ") and gas limit (" + gasLimit
                    + ") must be non-negative");
        }
        TokenAmount minerPenalty = TokenAmount.ZERO;
        TokenAmount baseFeeToPay = baseFee;
        if (baseFee.compareTo(feeCap) > 0) {
            baseFeeToPay = feeCap;
            minerPenalty = baseFee.subtract(feeCap).multiply(gasUsed);
        }

        TokenAmount baseFeeBurn = chargeNetworkFee ? baseFeeToPay.multiply(gasUsed) : TokenAmount.ZERO;

        TokenAmount tipPerGas = gasPremium;
        if (baseFeeToPay.add(tipPerGas).compareTo(feeCap) > 0) {
            tipPerGas = feeCap.subtract(baseFeeToPay);
        }
        TokenAmount minerTip = tipPerGas.multiply(gasLimit);

        long[] refundAndBurn = overestimationBurn(gasUsed, gasLimit);
        long gasRefund = refundAndBurn[0];
        long gasBurned = refundAndBurn[1];

        TokenAmount overEstimationBurn = TokenAmount.ZERO;
        if (gasBurned != 0) {
            overEstimationBurn = baseFeeToPay.multiply(gasBurned);
            minerPenalty = minerPenalty.add(baseFee.subtract(baseFeeToPay).multiply(gasBurned));
        }

        TokenAmount required = feeCap.multiply(gasLimit);
        TokenAmount refund = required.subtract(baseFeeBurn).subtract(minerTip).subtract(overEstimationBurn);
        return new GasOutputs(baseFeeBurn, overEstimationBurn, minerPenalty, minerTip, refund, gasRefund, gasBurned);
    }

    /**
     * {@code [gasRefund, gasBurned]}. No burn while the limit is within 110% of the gas used; beyond
     * that, the share of the unused gas burnt grows with the over-estimation until, at a limit of 210%
     * of the gas used, all of it is burnt. A message that used no gas burns its whole limit.
     */
    static long[] overestimationBurn(long gasUsed, long gasLimit) {
        if (gasUsed == 0) {
            return new long[] {0, gasLimit};
        }
        // over * gasUsed = min(gasLimit - 11*gasUsed/10, gasUsed), with Go's truncating int64 division
        long over = gasLimit - (GAS_OVERUSE_NUM * gasUsed) / GAS_OVERUSE_DENOM;
        if (over < 0) {
            return new long[] {gasLimit - gasUsed, 0};
        }
        if (over > gasUsed) {
            over = gasUsed;
        }
        // big integers, as Lotus uses: (gasLimit - gasUsed) * over overflows a long in extreme cases
        long gasToBurn = GoMath.div(
                BigInteger.valueOf(gasLimit - gasUsed).multiply(BigInteger.valueOf(over)),
                BigInteger.valueOf(gasUsed)).longValueExact();
        return new long[] {gasLimit - gasUsed - gasToBurn, gasToBurn};
    }
}

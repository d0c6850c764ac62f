package dev.granary.chain.mpool;

import java.math.BigInteger;

import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;

/**
 * When a message may replace a pending one of the same sender and nonce: as in Lotus, only the premium
 * counts. It must reach 1.25 × the old premium (Lotus' ReplaceByFeeRatio), rounded up, and at least
 * one attoFIL more, so that each replacement costs something. The fee cap is the sender's business
 * (`lotus mpool replace` keeps or re-estimates it); the checks every message passes still require it
 * to cover the premium and the base fee.
 */
final class ReplaceByFee {

    private static final BigInteger RATIO_NUM = BigInteger.valueOf(5);
    private static final BigInteger RATIO_DEN = BigInteger.valueOf(4);

    private ReplaceByFee() {
    }

    /** The lowest premium that may replace a message paying {@code oldPremium}. */
    static TokenAmount minimumPremium(TokenAmount oldPremium) {
        BigInteger scaled = ceilDiv(oldPremium.attoFil().multiply(RATIO_NUM), RATIO_DEN);
        return TokenAmount.ofAtto(scaled.max(oldPremium.attoFil().add(BigInteger.ONE)));
    }

    static void check(Message old, Message replacement) {
        TokenAmount minPremium = minimumPremium(old.gasPremium());
        String needed = "; to replace it, offer a premium of at least " + minPremium.attoFil() + " attoFIL (1.25 × "
                + old.gasPremium().attoFil() + ")";
        String which = "a message from " + old.from() + " with nonce " + Long.toUnsignedString(old.nonce())
                + " is already pending";
        if (replacement.gasPremium().compareTo(minPremium) < 0) {
            throw new MessageRejectedException(RejectReason.REPLACE_UNDERPRICED, which + " and premium "
                    + replacement.gasPremium().attoFil() + " attoFIL is below the minimum replacement premium " + needed);
        }
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }
}

package dev.granary.chain.gas;

import java.math.BigInteger;

/**
 * Go's {@code math/big} division, which go-state-types' big.Div uses: Euclidean, so for a positive
 * divisor a negative dividend rounds toward negative infinity. Java's BigInteger.divide truncates
 * toward zero instead, which would make a falling base fee 1 attoFIL higher than Lotus computes.
 */
final class GoMath {

    private GoMath() {
    }

    static BigInteger div(BigInteger dividend, BigInteger divisor) {
        BigInteger[] qr = dividend.divideAndRemainder(divisor);
        if (qr[1].signum() < 0) {
            return divisor.signum() > 0 ? qr[0].subtract(BigInteger.ONE) : qr[0].add(BigInteger.ONE);
        }
        return qr[0];
    }
}

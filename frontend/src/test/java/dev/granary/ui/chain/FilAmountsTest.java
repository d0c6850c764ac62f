package dev.granary.ui.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.fil.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FilAmountsTest {

    @Test
    void picksTheLargestUnitWithAWholeNumberInFront() {
        assertEquals("100 attoFIL", FilAmounts.readable(TokenAmount.ofAtto(100)));
        assertEquals("1.25 nanoFIL", FilAmounts.readable(TokenAmount.ofAtto(1_250_000_000L)));
        assertEquals("2 FIL", FilAmounts.readable(TokenAmount.ofFil(2)));
        assertEquals("50000000 FIL", FilAmounts.readable(TokenAmount.ofFil(50_000_000)));
        assertEquals("0 FIL", FilAmounts.readable(TokenAmount.ZERO));
    }

    @Test
    void roundsToThreeDecimalsAndSaysSo() {
        assertEquals("≈ 1.235 picoFIL", FilAmounts.readable(TokenAmount.ofAtto(1_234_567)));
        assertEquals("≈ -1.235 picoFIL", FilAmounts.readable(TokenAmount.ofAtto(-1_234_567)));
        assertEquals("1234567 attoFIL", FilAmounts.exact(TokenAmount.ofAtto(1_234_567)));
        assertEquals("≈ 1 FIL", FilAmounts.readable(TokenAmount.ofAtto(new BigInteger("1000000000000000001"))));
    }
}

package dev.granary.chain.gas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.fil.TokenAmount;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BaseFeeTest {

    private static TokenAmount atto(long v) {
        return TokenAmount.ofAtto(v);
    }

    @Test
    void atTargetTheBaseFeeStays() {
        // delta = 5e9/1 - 5e9 = 0, change = 0
        assertEquals(atto(1000), BaseFee.next(atto(1000), 5_000_000_000L, 1));
    }

    @Test
    void aFullBlockRaisesByAnEighthRoundedDown() {
        // delta = 10e9 - 5e9 = 5e9; change = 1001 * 5e9 / 5e9 = 1001; 1001 / 8 = 125 (125.125 floored)
        assertEquals(atto(1126), BaseFee.next(atto(1001), 10_000_000_000L, 1));
    }

    @Test
    void anEmptyBlockLowersByAnEighthRoundedTowardNegativeInfinity() {
        // delta = 0 - 5e9 = -5e9; change = 1001 * -5e9 / 5e9 = -1001; -1001 / 8 = -125.125, which Go's
        // big.Div floors to -126 (truncation would give -125 and 876)
        assertEquals(atto(875), BaseFee.next(atto(1001), 0, 1));
    }

    @Test
    void aPartlyFullBlockMovesProportionally() {
        // delta = 7.5e9 - 5e9 = 2.5e9; change = 1e6 * 2.5e9 / 5e9 = 500000; / 8 = 62500
        assertEquals(atto(1_062_500), BaseFee.next(atto(1_000_000), 7_500_000_000L, 1));
        // delta = 3e9 - 5e9 = -2e9; change = 1e6 * -2e9 / 5e9 = -400000; / 8 = -50000
        assertEquals(atto(950_000), BaseFee.next(atto(1_000_000), 3_000_000_000L, 1));
    }

    @Test
    void utilisationIsPerBlockOfTheTipset() {
        // two blocks, 15e9 in unique messages: 7.5e9 per block, as the one-block case above
        assertEquals(atto(1_062_500), BaseFee.next(atto(1_000_000), 15_000_000_000L, 2));
        // three blocks, 10e9: 3_333_333_333 per block (int64 division); delta = -1_666_666_667;
        // change = 1e6 * -1_666_666_667 / 5e9 = -333333.3334 -> -333334; / 8 = -41666.75 -> -41667
        assertEquals(atto(958_333), BaseFee.next(atto(1_000_000), 10_000_000_000L, 3));
    }

    @Test
    void moreThanTheLimitIsClampedToAFullBlock() {
        // delta = 30e9 - 5e9 = 25e9, clamped to 5e9: the same as a full block
        assertEquals(atto(1126), BaseFee.next(atto(1001), 30_000_000_000L, 1));
    }

    @Test
    void theMinimumHolds() {
        // 100 + floor(-100 / 8) = 100 - 13 = 87 -> 100
        assertEquals(atto(100), BaseFee.next(atto(100), 0, 1));
        // 115 + floor(-115 / 8) = 115 - 15 = 100
        assertEquals(atto(100), BaseFee.next(atto(115), 0, 1));
        // 116 + floor(-116 / 8) = 116 - 15 = 101
        assertEquals(atto(101), BaseFee.next(atto(116), 0, 1));
        // below the minimum (never on chain, but the rule still lifts it): 5 + 0 -> 100
        assertEquals(atto(100), BaseFee.next(atto(5), 5_000_000_000L, 1));
    }

    @Test
    void aHugeBaseFeeStaysExact() {
        // 10 FIL = 1e19 atto, beyond a long: full block adds 1e19 / 8 = 1.25e18
        TokenAmount tenFil = TokenAmount.ofFil(10);
        assertEquals(TokenAmount.ofAtto(new java.math.BigInteger("11250000000000000000")),
                BaseFee.next(tenFil, 10_000_000_000L, 1));
    }

    @Test
    void fullBlocksRaiseByAtMostAnEighthAndEmptyOnesLowerButNeverBelowTheMinimum() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long base = 100 + random.nextLong(1L << 50);
            TokenAmount baseFee = atto(base);
            int blocks = 1 + random.nextInt(5);

            long full = BaseFee.next(baseFee, GasConstants.BLOCK_GAS_LIMIT * blocks, blocks).attoFil().longValueExact();
            assertTrue(full >= base && full <= base + base / 8, "full: " + base + " -> " + full);
            if (base >= 8) {
                assertTrue(full > base, "a full tipset raises " + base);
            }

            long empty = BaseFee.next(baseFee, 0, blocks).attoFil().longValueExact();
            assertTrue(empty >= 100, "empty: never below the minimum, got " + empty);
            assertTrue(base == 100 ? empty == 100 : empty < base, "empty: " + base + " -> " + empty);
            assertTrue(empty >= base - base / 8 - 1, "empty: falls by at most an eighth, " + base + " -> " + empty);

            long used = random.nextLong(3 * GasConstants.BLOCK_GAS_LIMIT * blocks);
            long any = BaseFee.next(baseFee, used, blocks).attoFil().longValueExact();
            assertTrue(any >= 100 && any <= base + base / 8, "any: " + base + " -> " + any);
        }
    }

    @Test
    void rejectsATipsetWithoutBlocks() {
        assertThrows(IllegalArgumentException.class, () -> BaseFee.next(atto(100), 0, 0));
    }
}

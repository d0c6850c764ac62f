package dev.granary.chain.gas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.fil.TokenAmount;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GasOutputsTest {

    private static TokenAmount atto(long v) {
        return TokenAmount.ofAtto(v);
    }

    private static void assertOutputs(GasOutputs out, long baseFeeBurn, long overEstimationBurn, long minerPenalty,
                                      long minerTip, long refund, long gasRefund, long gasBurned) {
        assertEquals(new GasOutputs(atto(baseFeeBurn), atto(overEstimationBurn), atto(minerPenalty), atto(minerTip),
                atto(refund), gasRefund, gasBurned), out);
    }

    @Test
    void aLimitWithinTenPercentBurnsNothing() {
        // over = 1100 - 11*1000/10 = 0 -> burn (100 * 0) / 1000 = 0, refund gas 100
        // base fee burn 100*1000 = 100000; tip 50*1100 = 55000; reserved 300*1100 = 330000
        // refund 330000 - 100000 - 55000 = 175000
        assertOutputs(GasOutputs.compute(1000, 1100, atto(100), atto(300), atto(50)),
                100_000, 0, 0, 55_000, 175_000, 100, 0);
    }

    @Test
    void overEstimationBurnsAShareOfTheUnusedGas() {
        // over = 1500 - 1100 = 400 (<= 1000); burn = (1500-1000) * 400 / 1000 = 200; refund gas 300
        // base fee burn 100000; over-estimation burn 100*200 = 20000; tip 50*1500 = 75000
        // reserved 300*1500 = 450000; refund 450000 - 100000 - 75000 - 20000 = 255000
        assertOutputs(GasOutputs.compute(1000, 1500, atto(100), atto(300), atto(50)),
                100_000, 20_000, 0, 75_000, 255_000, 300, 200);
    }

    @Test
    void overEstimationBurnRoundsDown() {
        // over = 10 - 77/10 = 10 - 7 = 3; burn = (10-7) * 3 / 7 = 9/7 = 1; refund gas 10 - 7 - 1 = 2
        assertArrayEquals(new long[] {2, 1}, GasOutputs.overestimationBurn(7, 10));
    }

    @Test
    void aLimitOverTwiceTheUseBurnsAllOfTheUnusedGas() {
        // over = 5000 - 1100 = 3900, capped at gasUsed 1000; burn = 4000 * 1000 / 1000 = 4000
        assertArrayEquals(new long[] {0, 4000}, GasOutputs.overestimationBurn(1000, 5000));
    }

    @Test
    void noGasUsedBurnsTheWholeLimit() {
        assertArrayEquals(new long[] {0, 500}, GasOutputs.overestimationBurn(0, 500));
    }

    @Test
    void usingMoreThanTheLimitWouldNotBurn() {
        // over = 1000 - 1100 < 0 -> (limit - used, 0), as Lotus returns
        assertArrayEquals(new long[] {0, 0}, GasOutputs.overestimationBurn(1000, 1000));
    }

    @Test
    void theTipIsCappedByFeeCapMinusBaseFee() {
        // premium 50 but feeCap - baseFee = 20: tip 20*1100 = 22000; burn 100*1000 = 100000
        // reserved 120*1100 = 132000; refund 132000 - 100000 - 22000 = 10000
        assertOutputs(GasOutputs.compute(1000, 1100, atto(100), atto(120), atto(50)),
                100_000, 0, 0, 22_000, 10_000, 100, 0);
    }

    @Test
    void aFeeCapBelowTheBaseFeePenalisesTheMiner() {
        // baseFee 200 > feeCap 150: the sender pays 150, penalty (200-150)*1000 = 50000
        // base fee burn 150*1000 = 150000; tip: 150 + 10 > 150 -> 150 - 150 = 0
        // gas burned 200 (as above): over-estimation burn 150*200 = 30000, penalty += 50*200 = 10000
        // reserved 150*1500 = 225000; refund 225000 - 150000 - 0 - 30000 = 45000
        assertOutputs(GasOutputs.compute(1000, 1500, atto(200), atto(150), atto(10)),
                150_000, 30_000, 60_000, 0, 45_000, 300, 200);
    }

    @Test
    void withoutTheNetworkFeeOnlyTheBaseFeeBurnIsSkipped() {
        // as the first example, with no base fee burn: refund 330000 - 55000 = 275000
        assertOutputs(GasOutputs.compute(1000, 1100, atto(100), atto(300), atto(50), false),
                0, 0, 0, 55_000, 275_000, 100, 0);
    }

    @Test
    void theReservationIsAlwaysFullyAccountedFor() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long limit = 1 + random.nextLong(GasConstants.BLOCK_GAS_LIMIT);
            long used = random.nextLong(limit + 1);
            TokenAmount baseFee = atto(100 + random.nextLong(1_000_000));
            TokenAmount feeCap = atto(random.nextLong(2_000_000));
            TokenAmount premium = atto(random.nextLong(100_000));
            GasOutputs out = GasOutputs.compute(used, limit, baseFee, feeCap, premium);

            assertEquals(feeCap.multiply(limit),
                    out.baseFeeBurn().add(out.overEstimationBurn()).add(out.minerTip()).add(out.refund()));
            assertEquals(limit - used, out.gasRefund() + out.gasBurned());
            assertTrue(out.gasBurned() >= 0 && out.gasRefund() >= 0);
            assertTrue(out.refund().signum() >= 0 && out.minerTip().signum() >= 0 && out.minerPenalty().signum() >= 0,
                    out.toString());
        }
    }
}

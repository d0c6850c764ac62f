package dev.granary.chain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    private static final Instant GENESIS = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration DELAY = Duration.ofSeconds(4);

    @Test
    void epochsFollowFilecoinsFormula() {
        ChainClock clock = new ManualClock(GENESIS, DELAY);
        assertEquals(0, clock.epochAt(GENESIS));
        assertEquals(0, clock.epochAt(GENESIS.plusMillis(3_999)));
        assertEquals(1, clock.epochAt(GENESIS.plusSeconds(4)));
        assertEquals(250, clock.epochAt(GENESIS.plusSeconds(1_001)));
        // floor, not truncation: the instant before genesis is epoch -1
        assertEquals(-1, clock.epochAt(GENESIS.minusMillis(1)));
        assertEquals(GENESIS.plusSeconds(40), clock.epochStart(10));
        assertEquals(1_700_000_040L, clock.timestamp(10));
    }

    @Test
    void advancingNotifiesEveryEpochInOrder() {
        ManualClock clock = new ManualClock(GENESIS, DELAY);
        List<Long> seen = new ArrayList<>();
        List<Long> clockDuringListener = new ArrayList<>();
        clock.addListener(seen::add);
        clock.addListener(e -> clockDuringListener.add(clock.currentEpoch()));

        assertEquals(5, clock.advance(5));
        assertEquals(7, clock.advance(2));
        assertEquals(7, clock.advance(0));

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), seen);
        assertEquals(seen, clockDuringListener);
        assertEquals(7, clock.currentEpoch());
        assertEquals(GENESIS.plusSeconds(28), clock.now());
        assertEquals(7, clock.epochAt(clock.now()));
    }

    @Test
    void aFailingListenerStopsTheAdvanceAtItsEpoch() {
        ManualClock clock = new ManualClock(GENESIS, DELAY);
        clock.addListener(e -> {
            if (e == 3) {
                throw new IllegalStateException("block production failed at " + e);
            }
        });
        assertThrows(IllegalStateException.class, () -> clock.advance(10));
        assertEquals(3, clock.currentEpoch());
    }

    @Test
    void aWaiterWakesWhenTheTestAdvances() throws Exception {
        ManualClock clock = new ManualClock(GENESIS, DELAY);
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return clock.awaitEpoch(3);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        clock.advance(2);
        Thread.sleep(50);
        assertEquals(false, waiter.isDone());
        clock.advance(1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(3L, waiter.get()));
    }

    @Test
    void refusesToGoBackOrToRunWithoutADelay() {
        ManualClock clock = new ManualClock(GENESIS, DELAY);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        assertThrows(IllegalArgumentException.class, () -> new ManualClock(GENESIS, Duration.ZERO));
    }
}

package dev.granary.chain.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WallClockTest {

    private static final Duration DELAY = Duration.ofMillis(100);

    @Test
    void theEpochComesFromTheSourceClock() {
        Instant genesis = Instant.ofEpochSecond(1_700_000_000L);
        Clock fixed = Clock.fixed(genesis.plusMillis(1_050), ZoneOffset.UTC);
        assertEquals(10, new WallClock(genesis, DELAY, fixed).currentEpoch());
    }

    @Test
    void waitsUntilTheNextEpochBegins() {
        WallClock clock = new WallClock(Instant.now().minusMillis(250), DELAY);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 3; i++) {
                long before = clock.currentEpoch();
                long reached = clock.awaitNextEpoch();
                Instant after = clock.now();
                assertTrue(reached >= before + 1, before + " -> " + reached);
                assertFalse(after.isBefore(clock.epochStart(before + 1)), "woke before the epoch began");
                // not long after it either: well within one more delay on an idle machine, bounded generously
                assertTrue(Duration.between(clock.epochStart(before + 1), after).compareTo(Duration.ofSeconds(1)) < 0);
            }
        });
    }

    @Test
    void aPastEpochReturnsAtOnce() throws Exception {
        WallClock clock = new WallClock(Instant.now().minusSeconds(10), DELAY);
        long start = System.nanoTime();
        assertTrue(clock.awaitEpoch(5) >= 100);
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void waitingIsInterruptible() throws Exception {
        WallClock clock = new WallClock(Instant.now(), Duration.ofSeconds(60));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            started.countDown();
            try {
                clock.awaitEpoch(1_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        waiter.start();
        started.await();
        Thread.sleep(50);
        waiter.interrupt();
        waiter.join(5_000);
        assertFalse(waiter.isAlive(), "the waiter should stop when interrupted");
        assertTrue(interrupted.get());
    }
}

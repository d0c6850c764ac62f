package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.chain.ChainApi;
import dev.granary.chain.HeadChange;
import dev.granary.testing.TestNode;

/** ChainNotify: every head, in order, on the listener's own thread, never holding up the next block. */
class ChainNotifyTest {

    @Test
    void onTheManualClockAListenerHasHeardEveryHeadInOrderWhenAdvanceReturns(@TempDir Path home) throws Exception {
        ChainNodes.configure(home, "");
        try (TestNode node = TestNode.start(home)) {
            List<Long> heard = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
            try (AutoCloseable sub = node.node().chain().chainNotify(change -> {
                if (change.type() == HeadChange.Type.APPLY) {
                    threads.add(Thread.currentThread());
                }
                heard.add(change.tipSet().height());
            })) {
                node.advanceEpochs(5);
                assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), heard);
                threads.forEach(t -> assertNotEquals(Thread.currentThread(), t, "heard on the producing thread"));
            }
        }
    }

    @Test
    void aListenerThatIsStuckDoesNotStopBlocksAndHearsThemAllLater(@TempDir Path home) throws Exception {
        TestNode.writeConfig(home, "[chain]\nclock = \"wall\"\nblock-delay = \"1s\"\n");
        try (TestNode node = TestNode.start(home)) {
            ChainApi chain = node.node().chain();
            CountDownLatch release = new CountDownLatch(1);
            List<Long> heard = Collections.synchronizedList(new ArrayList<>());
            try (AutoCloseable sub = chain.chainNotify(change -> {
                if (change.type() == HeadChange.Type.APPLY) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    heard.add(change.tipSet().height());
                }
            })) {
                long start = chain.chainHead().height();
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    while (chain.chainHead().height() < start + 3) {
                        Thread.sleep(100);
                    }
                });
                assertTrue(heard.isEmpty(), "the listener is still stuck on the first head");
                release.countDown();
                long end = chain.chainHead().height();
                assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                    while (!heard.contains(end)) {
                        Thread.sleep(20);
                    }
                });
                // every head the producer made while the listener was stuck (a loaded machine may skip an
                // epoch as a null round), in order
                List<Long> got = List.copyOf(heard);
                assertTrue(got.size() >= 3 && got.getFirst() > start, got.toString());
                for (int i = 1; i < got.size(); i++) {
                    assertTrue(got.get(i) > got.get(i - 1), "out of order: " + got);
                }
            }
        }
    }
}

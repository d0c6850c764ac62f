package dev.granary.chain.service;

import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.chain.clock.ChainClock;
import dev.granary.chain.clock.EpochListener;
import dev.granary.chain.clock.ManualClock;

/**
 * Drives the producer from the clock. On wall time a thread waits for each epoch and produces its block;
 * if the node was down or a block took too long, it produces at the current epoch and the skipped ones
 * are null rounds. On a manual clock each advanced epoch produces its block on the advancing thread, and
 * the head listeners have heard it, so a test sees the block and what reacted to it as soon as
 * {@code advance} returns.
 */
final class ProducerLoop implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProducerLoop.class);

    private final ChainClock clock;
    private volatile Thread thread;
    private volatile EpochListener listener;
    private volatile boolean producing;

    ProducerLoop(ChainClock clock) {
        this.clock = clock;
    }

    boolean producing() {
        return producing;
    }

    /**
     * Starts producing; {@code headHeight} supplies the current head height, {@code produce} makes a block. On a
     * manual clock {@code settle} runs after each block, before the next epoch (head listeners catch up).
     */
    void start(LongSupplier headHeight, LongConsumer produce, Runnable settle) {
        producing = true;
        if (clock instanceof ManualClock manual) {
            listener = epoch -> {
                produce.accept(epoch);
                settle.run();
            };
            manual.addListener(listener);
            return;
        }
        thread = Thread.ofPlatform().name("chain-producer").daemon().start(() -> run(headHeight, produce));
    }

    private void run(LongSupplier headHeight, LongConsumer produce) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long next = Math.max(headHeight.getAsLong() + 1, clock.currentEpoch());
                clock.awaitEpoch(next);
                produce.accept(Math.max(next, clock.currentEpoch()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("producing a block failed: {}; retrying at the next epoch", e.getMessage(), e);
                try {
                    clock.awaitNextEpoch();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        producing = false;
        if (clock instanceof ManualClock manual && listener != null) {
            manual.removeListener(listener);
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

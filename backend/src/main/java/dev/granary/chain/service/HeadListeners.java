package dev.granary.chain.service;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.chain.HeadChange;
import dev.granary.chain.types.TipSet;

/**
 * Who hears of new heads (ChainNotify, StateWaitMsg). Each subscriber hears every head in order on a thread
 * of its own, so a slow one (a database round trip, a top-up message) never delays the next block. A
 * listener that throws is logged and goes on hearing later heads.
 */
final class HeadListeners {

    private static final Logger log = LoggerFactory.getLogger(HeadListeners.class);
    /** Heads a subscriber may fall behind before the log says so (once per backlog). */
    private static final long BACKLOG_WARNING = 5;
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object headMoved = new Object();

    AutoCloseable add(Consumer<HeadChange> listener) {
        Subscriber s = new Subscriber(listener);
        subscribers.add(s);
        return () -> {
            subscribers.remove(s);
            s.close();
        };
    }

    /** Queues the new head for every subscriber and wakes StateWaitMsg callers; does not wait for anyone. */
    void applied(TipSet tipSet) {
        HeadChange change = new HeadChange(HeadChange.Type.APPLY, tipSet);
        for (Subscriber s : subscribers) {
            s.deliver(change);
        }
        synchronized (headMoved) {
            headMoved.notifyAll();
        }
    }

    /**
     * Returns once every subscriber has heard every head applied so far. The manual clock calls it after each
     * epoch, so a test sees the message service and the watermarks react as soon as {@code advance} returns.
     */
    void awaitDelivered() {
        for (Subscriber s : subscribers) {
            s.awaitIdle();
        }
    }

    /** Waits until the next head change or {@code millis}, whichever comes first. */
    void awaitChange(long millis) throws InterruptedException {
        synchronized (headMoved) {
            headMoved.wait(Math.max(1, millis));
        }
    }

    private static final class Subscriber {
        private final Consumer<HeadChange> listener;
        private final ExecutorService thread;
        private final AtomicLong backlog = new AtomicLong();
        private volatile Thread running;
        private volatile boolean closed;

        Subscriber(Consumer<HeadChange> listener) {
            this.listener = listener;
            this.thread = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("head-listener-" + NAMES.incrementAndGet()).factory());
        }

        void deliver(HeadChange change) {
            long behind = backlog.incrementAndGet();
            if (behind == BACKLOG_WARNING) {
                log.warn("a head-change listener is {} heads behind the chain ({}): its work takes longer than a block",
                    behind, listener);
            }
            try {
                thread.execute(() -> hear(change));
            } catch (RejectedExecutionException closed) {
                backlog.decrementAndGet(); // unsubscribed meanwhile
            }
        }

        private void hear(HeadChange change) {
            running = Thread.currentThread();
            try {
                if (!closed) {
                    listener.accept(change);
                }
            } catch (RuntimeException e) {
                log.warn("a head-change listener failed on {}: {}", change.tipSet(), e.getMessage(), e);
            } finally {
                backlog.decrementAndGet();
            }
        }

        /** After this returns the listener is neither running nor called again (unless it closed itself). */
        void close() {
            closed = true;
            thread.shutdown();
            if (Thread.currentThread() != running) {
                try {
                    if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                        log.warn("a head-change listener ({}) is still busy 30 s after it was unsubscribed", listener);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void awaitIdle() {
            if (Thread.currentThread() == running) {
                return; // a listener that advances the clock must not wait for itself
            }
            try {
                thread.submit(() -> { }).get();
            } catch (RejectedExecutionException closed) {
                // unsubscribed: nothing more will be heard
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}

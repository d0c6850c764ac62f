package dev.granary.chain.service;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.chain.HeadChange;
import dev.granary.chain.types.TipSet;

/** Who hears of new heads (ChainNotify, StateWaitMsg); a listener that throws is logged, not fatal to production. */
final class HeadListeners {

    private static final Logger log = LoggerFactory.getLogger(HeadListeners.class);

    private final CopyOnWriteArrayList<Consumer<HeadChange>> listeners = new CopyOnWriteArrayList<>();
    private final Object headMoved = new Object();

    AutoCloseable add(Consumer<HeadChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void applied(TipSet tipSet) {
        HeadChange change = new HeadChange(HeadChange.Type.APPLY, tipSet);
        for (Consumer<HeadChange> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("a head-change listener failed on {}: {}", tipSet, e.getMessage(), e);
            }
        }
        synchronized (headMoved) {
            headMoved.notifyAll();
        }
    }

    /** Waits until the next head change or {@code millis}, whichever comes first. */
    void awaitChange(long millis) throws InterruptedException {
        synchronized (headMoved) {
            headMoved.wait(Math.max(1, millis));
        }
    }
}

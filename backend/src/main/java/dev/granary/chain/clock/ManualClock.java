package dev.granary.chain.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Chain time that moves only when a test says so. {@link #advance(long)} steps through every epoch in
 * order and tells each listener of each one before stepping to the next, so a producer makes each
 * epoch's block as a wall clock would have. {@link #now()} is the start of the current epoch.
 */
public final class ManualClock implements ChainClock {

    private final Instant genesisTime;
    private final Duration blockDelay;
    private final List<EpochListener> listeners = new CopyOnWriteArrayList<>();
    /** Serialises advances, so listeners see epochs strictly in order even with several callers. */
    private final Object advanceLock = new Object();
    private long epoch;

    /** A clock at epoch 0 (genesis). */
    public ManualClock(Instant genesisTime, Duration blockDelay) {
        this(genesisTime, blockDelay, 0);
    }

    public ManualClock(Instant genesisTime, Duration blockDelay, long startEpoch) {
        ChainClock.validate(genesisTime, blockDelay);
        this.genesisTime = genesisTime;
        this.blockDelay = blockDelay;
        this.epoch = startEpoch;
    }

    @Override
    public Instant genesisTime() {
        return genesisTime;
    }

    @Override
    public Duration blockDelay() {
        return blockDelay;
    }

    @Override
    public synchronized Instant now() {
        return epochStart(epoch);
    }

    @Override
    public synchronized long currentEpoch() {
        return epoch;
    }

    public void addListener(EpochListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EpochListener listener) {
        listeners.remove(listener);
    }

    /**
     * Moves {@code epochs} epochs forward, one at a time, calling the listeners for each on this thread.
     * A listener that throws stops the advance at the epoch it failed on: the clock stays there and the
     * exception reaches the caller.
     *
     * @return the epoch reached
     */
    public long advance(long epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("chain time only moves forward; cannot advance by " + epochs);
        }
        synchronized (advanceLock) {
            for (long i = 0; i < epochs; i++) {
                long entered;
                synchronized (this) {
                    entered = ++epoch;
                    notifyAll();
                }
                // outside the monitor: a listener may read the clock from another thread
                for (EpochListener listener : listeners) {
                    listener.onEpoch(entered);
                }
            }
            return currentEpoch();
        }
    }

    @Override
    public synchronized long awaitEpoch(long target) throws InterruptedException {
        while (epoch < target) {
            wait();
        }
        return epoch;
    }
}

package dev.granary.chain.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Chain time from the system clock: what a running node uses. */
public final class WallClock implements ChainClock {

    private final Instant genesisTime;
    private final Duration blockDelay;
    private final Clock source;

    public WallClock(Instant genesisTime, Duration blockDelay) {
        this(genesisTime, blockDelay, Clock.systemUTC());
    }

    public WallClock(Instant genesisTime, Duration blockDelay, Clock source) {
        ChainClock.validate(genesisTime, blockDelay);
        this.genesisTime = genesisTime;
        this.blockDelay = blockDelay;
        this.source = source;
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
    public Instant now() {
        return source.instant();
    }

    @Override
    public long awaitEpoch(long epoch) throws InterruptedException {
        Instant start = epochStart(epoch);
        // loop: sleep may wake early, and the system clock may be stepped while we sleep
        while (true) {
            Instant now = now();
            long current = epochAt(now);
            if (current >= epoch) {
                return current;
            }
            Thread.sleep(Duration.between(now, start));
        }
    }
}

package dev.granary.chain.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Chain time as Filecoin counts it: epoch e starts at {@code genesis + e × blockDelay}, and the epoch
 * at an instant is {@code floor((now − genesis) / blockDelay)}. Epochs advance whether or not a block
 * is produced; an epoch without one is a null round.
 */
public interface ChainClock {

    Instant genesisTime();

    Duration blockDelay();

    /** The instant this clock considers current. */
    Instant now();

    /** The epoch that {@code instant} falls in; negative before genesis. */
    default long epochAt(Instant instant) {
        return Math.floorDiv(Duration.between(genesisTime(), instant).toNanos(), blockDelay().toNanos());
    }

    default long currentEpoch() {
        return epochAt(now());
    }

    /** When {@code epoch} begins. */
    default Instant epochStart(long epoch) {
        return genesisTime().plus(blockDelay().multipliedBy(epoch));
    }

    /**
     * The block header timestamp of {@code epoch}, in Unix seconds as Filecoin's headers carry it.
     * With a whole-second genesis time and delay this is exactly Filecoin's
     * {@code genesisTimestamp + epoch × blockDelaySeconds}; sub-second delays (tests) round down.
     */
    default long timestamp(long epoch) {
        return epochStart(epoch).getEpochSecond();
    }

    /**
     * Blocks until {@code epoch} has begun and returns the current epoch (at least {@code epoch}).
     * Returns at once when it already has.
     *
     * @throws InterruptedException when the waiting thread is interrupted, so a producer can stop
     */
    long awaitEpoch(long epoch) throws InterruptedException;

    /** Blocks until the start of the epoch after the current one. */
    default long awaitNextEpoch() throws InterruptedException {
        return awaitEpoch(currentEpoch() + 1);
    }

    /** Checks the parameters every implementation shares. */
    static void validate(Instant genesisTime, Duration blockDelay) {
        if (genesisTime == null) {
            throw new IllegalArgumentException("a chain clock needs the genesis time from the genesis block");
        }
        if (blockDelay == null || blockDelay.isNegative() || blockDelay.isZero()) {
            throw new IllegalArgumentException("the block delay must be positive, got " + blockDelay
                    + "; set the devnet block delay in the chain config");
        }
    }
}

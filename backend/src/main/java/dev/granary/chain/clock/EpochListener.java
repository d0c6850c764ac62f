package dev.granary.chain.clock;

/** Told of each epoch a {@link ManualClock} enters, so a producer can make that epoch's block. */
@FunctionalInterface
public interface EpochListener {

    void onEpoch(long epoch);
}

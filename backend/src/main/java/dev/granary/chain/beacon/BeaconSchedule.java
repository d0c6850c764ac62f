package dev.granary.chain.beacon;

/**
 * Which beacon rounds belong to which epoch on the devnet. The devnet beacon ticks with the chain,
 * one round per epoch, so the round for epoch e is e itself: the genesis block (epoch 0) carries
 * round 0, the seed. A block at epoch e whose parent is at epoch p carries rounds p+1 … e, so the
 * rounds of null epochs in between are not lost (Lotus likewise includes every round since the
 * parent's last entry). Filecoin mainnet instead maps epochs to drand quicknet rounds by wall time
 * ({@code MaxBeaconRoundForEpoch}); the devnet has no separate beacon clock to map from.
 */
public final class BeaconSchedule {

    private BeaconSchedule() {
    }

    /** The latest round a block at {@code epoch} must carry. */
    public static long roundForEpoch(long epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epochs start at 0 (genesis); got " + epoch);
        }
        return epoch;
    }

    /** The first round a block at {@code epoch} with its parent at {@code parentEpoch} carries. */
    public static long firstRoundForBlock(long parentEpoch, long epoch) {
        if (epoch <= parentEpoch) {
            throw new IllegalArgumentException("a block's epoch " + epoch + " must be after its parent's " + parentEpoch);
        }
        return roundForEpoch(parentEpoch) + 1;
    }
}

package dev.granary.chain.beacon;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What each round of the devnet beacon signs, after drand's chained scheme: round r (r &ge; 1) is a
 * BLS signature over {@code sha256(signature of round r-1 || r as uint64 big-endian)}. Round 0 is not
 * a signature but the genesis seed, {@code sha256("granary devnet beacon/" || network name)}, so two
 * networks with the same beacon key still have unrelated beacons.
 */
public final class BeaconRounds {

    static final String SEED_PREFIX = "granary devnet beacon/";

    private BeaconRounds() {
    }

    /** Round 0's data for {@code networkName}. */
    public static byte[] genesisSeed(String networkName) {
        if (networkName == null || networkName.isEmpty()) {
            throw new IllegalArgumentException("the beacon seed needs the network name from the genesis config");
        }
        return sha256((SEED_PREFIX + networkName).getBytes(StandardCharsets.UTF_8));
    }

    /** The message round {@code round} signs, chained to the previous round's data. */
    public static byte[] message(byte[] previousData, long round) {
        return sha256(ByteBuffer.allocate(previousData.length + Long.BYTES).put(previousData).putLong(round).array());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}

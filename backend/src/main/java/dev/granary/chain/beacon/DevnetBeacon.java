package dev.granary.chain.beacon;

import dev.granary.chain.types.BeaconEntry;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;

/**
 * Produces the devnet beacon: the node holding the beacon key signs one round per epoch (see
 * {@link BeaconSchedule}). Anyone can check the rounds with {@link BeaconVerifier} and the public key.
 */
public final class DevnetBeacon {

    private final PrivateKey key;
    private final BeaconEntry genesis;

    public DevnetBeacon(PrivateKey key, String networkName) {
        if (key.type() != KeyType.BLS) {
            throw new IllegalArgumentException("the devnet beacon key must be a BLS key, got " + key.type().lotusName()
                    + "; generate one with KeyType.BLS");
        }
        this.key = key;
        this.genesis = new BeaconEntry(0, BeaconRounds.genesisSeed(networkName));
    }

    /** Round 0: the seed every later round chains from. */
    public BeaconEntry genesis() {
        return genesis;
    }

    /** The 48-byte BLS public key verifiers need. */
    public byte[] publicKey() {
        return key.publicKey();
    }

    /** The round after {@code previous}. */
    public BeaconEntry next(BeaconEntry previous) {
        long round = Math.addExact(previous.round(), 1);
        byte[] signature = key.sign(BeaconRounds.message(previous.data(), round)).data();
        return new BeaconEntry(round, signature);
    }
}

package dev.granary.chain.beacon;

import dev.granary.chain.beacon.BeaconVerificationException.Kind;
import dev.granary.chain.types.BeaconEntry;
import dev.granary.crypto.Bls;
import java.util.Arrays;
import java.util.List;

/** Checks devnet beacon entries knowing only the beacon public key and the network name. */
public final class BeaconVerifier {

    private final byte[] publicKey;
    private final byte[] genesisSeed;

    public BeaconVerifier(byte[] publicKey, String networkName) {
        if (publicKey == null || publicKey.length != Bls.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("the beacon public key must be " + Bls.PUBLIC_KEY_LENGTH
                    + " bytes (compressed BLS G1); check the genesis beacon key");
        }
        this.publicKey = publicKey.clone();
        this.genesisSeed = BeaconRounds.genesisSeed(networkName);
    }

    /** Checks that {@code genesis} is round 0 with this network's seed. */
    public void verifyGenesis(BeaconEntry genesis) throws BeaconVerificationException {
        if (genesis.round() != 0) {
            throw new BeaconVerificationException(genesis.round(), Kind.OUT_OF_ORDER, "the chain must start at round 0");
        }
        if (!Arrays.equals(genesis.data(), genesisSeed)) {
            throw new BeaconVerificationException(0, Kind.BAD_GENESIS,
                    "round 0 is not the seed of this network; was it made under another network name?");
        }
    }

    /** Checks that {@code entry} is the round following {@code previous}, which must already be trusted. */
    public void verifyNext(BeaconEntry previous, BeaconEntry entry) throws BeaconVerificationException {
        long expected = previous.round() + 1;
        if (entry.round() != expected) {
            throw new BeaconVerificationException(entry.round(), Kind.OUT_OF_ORDER,
                    "expected round " + Long.toUnsignedString(expected) + " after round "
                            + Long.toUnsignedString(previous.round()));
        }
        if (!Bls.verify(entry.data(), BeaconRounds.message(previous.data(), entry.round()), publicKey)) {
            throw new BeaconVerificationException(entry.round(), Kind.BAD_SIGNATURE,
                    "not signed by the beacon key over the previous round; the entry is tampered or from another beacon");
        }
    }

    /**
     * Checks {@code entries}, consecutive rounds that follow the trusted {@code previous}; stops at the
     * first bad one, whose round the exception names.
     */
    public void verifyChain(BeaconEntry previous, List<BeaconEntry> entries) throws BeaconVerificationException {
        BeaconEntry last = previous;
        for (BeaconEntry entry : entries) {
            verifyNext(last, entry);
            last = entry;
        }
    }
}

package dev.granary.chain.beacon;

/** A beacon entry that does not belong to the chain: which round, and why. */
public final class BeaconVerificationException extends Exception {

    /** What was wrong with the entry. */
    public enum Kind {
        /** Round 0 is not the seed of this network. */
        BAD_GENESIS,
        /** The entry's round is not the one after the previous entry's. */
        OUT_OF_ORDER,
        /** The data is not the beacon key's signature over the chained message. */
        BAD_SIGNATURE
    }

    private final long round;
    private final Kind kind;

    BeaconVerificationException(long round, Kind kind, String detail) {
        super("beacon round " + Long.toUnsignedString(round) + " rejected (" + kind + "): " + detail);
        this.round = round;
        this.kind = kind;
    }

    /** The round of the rejected entry. */
    public long round() {
        return round;
    }

    public Kind kind() {
        return kind;
    }
}

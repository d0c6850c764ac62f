package dev.granary.chain.vm;

/** The gas one message (with every call it makes) has used, against its limit. */
final class GasMeter {

    private final long limit;
    private long used;

    GasMeter(long limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("a gas limit cannot be negative, got " + limit);
        }
        this.limit = limit;
    }

    /** Adds {@code gas} for {@code what}; beyond the limit, the whole limit is used and the message ends. */
    void charge(long gas, String what) {
        if (gas > limit - used) {
            long before = used;
            used = limit;
            throw new OutOfGasException("out of gas charging " + gas + " for " + what + ": " + before + " of the limit "
                    + limit + " already used; raise the gas limit");
        }
        used += gas;
    }

    long used() {
        return used;
    }

    long limit() {
        return limit;
    }
}

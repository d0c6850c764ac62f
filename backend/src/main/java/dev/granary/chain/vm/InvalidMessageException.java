package dev.granary.chain.vm;

import java.util.Objects;

/** A message given to {@link Vm#estimateGas} that could not be included at all, so it has no gas to estimate. */
public final class InvalidMessageException extends IllegalArgumentException {

    private final InvalidReason reason;

    public InvalidMessageException(InvalidReason reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public InvalidReason reason() {
        return reason;
    }
}

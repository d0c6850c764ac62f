package dev.granary.chain.mpool;

import java.util.Objects;

/** The message pool refused a message; the message says which check failed and how to fix it. */
public final class MessageRejectedException extends RuntimeException {

    private final RejectReason reason;

    public MessageRejectedException(RejectReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }
}

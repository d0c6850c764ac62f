package dev.granary.messages;

import java.util.Locale;

/**
 * Where an outgoing message is. Restart rules: RECORDED is pushed again at start (same nonce, same
 * signature); PUSHED is looked for on chain and re-pushed if the pool lost it; EXECUTED waits for
 * confidence; CONFIRMED, FAILED and REJECTED are final.
 */
public enum MessageState {
    /** Signed and written with its nonce; not yet accepted by the pool. */
    RECORDED,
    /** In the message pool, waiting for a block. */
    PUSHED,
    /** Executed on chain with exit code 0; waiting for the configured confidence. */
    EXECUTED,
    /** Executed, exit code 0, with enough tipsets on top. */
    CONFIRMED,
    /** Executed with a non-zero exit code (the receipt says why). */
    FAILED,
    /** Refused by the pool; its nonce was given back, nothing was sent. */
    REJECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this == CONFIRMED || this == FAILED || this == REJECTED;
    }
}

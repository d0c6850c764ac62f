package dev.granary.chain.mpool;

import java.util.Objects;

import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * A change to the pool, as Lotus' MpoolUpdate reports it. A replacement by fee is a {@link Kind#REMOVE}
 * of the old message followed by an {@link Kind#ADD} of the new one.
 */
public record MpoolUpdate(Kind kind, SignedMessage message) {

    public enum Kind {
        ADD,
        REMOVE
    }

    public MpoolUpdate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public Cid cid() {
        return message.cid();
    }
}

package dev.granary.chain;

import java.util.Objects;

import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSetKey;
import dev.granary.multiformats.Cid;

/**
 * Lotus' MsgLookup: where a message was executed. {@code tipSet} and {@code height} name the tipset
 * whose ParentMessageReceipts hold the receipt (the one after the tipset that included the message),
 * as Lotus reports them; {@code includedAt} is the height of the including tipset.
 */
public record MessageLookup(Cid message, MessageReceipt receipt, TipSetKey tipSet, long height, long includedAt) {

    public MessageLookup {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(tipSet, "tipSet");
    }
}

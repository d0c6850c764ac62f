package dev.granary.chain.vm;

import java.util.List;
import java.util.Objects;

import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;

/**
 * The state after a tipset, the receipts of the messages it applied (in order, each unique message
 * once; the tipset's ParentMessageReceipts for its children), and one result per message given,
 * invalid and duplicate ones included, in the order the blocks listed them.
 */
public record TipSetOutcome(Cid stateRoot, List<MessageReceipt> receipts, List<ApplyResult> results) {

    public TipSetOutcome {
        Objects.requireNonNull(stateRoot, "stateRoot");
        receipts = List.copyOf(receipts);
        results = List.copyOf(results);
    }
}

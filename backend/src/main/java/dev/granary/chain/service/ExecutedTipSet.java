package dev.granary.chain.service;

import java.util.List;
import java.util.Objects;

import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.TipSetKey;
import dev.granary.chain.vm.ApplyResult;
import dev.granary.chain.vm.TipSetOutcome;
import dev.granary.multiformats.Cid;

/**
 * A tipset after its messages ran (Lotus' TipSetState): the state root and receipts its child's blocks
 * will name as ParentStateRoot and ParentMessageReceipts, the executed message CIDs in execution order
 * (receipt i belongs to message i), and the gas limits of those messages, which set the next base fee.
 */
record ExecutedTipSet(TipSetKey tipSet, Cid stateRoot, Cid receiptsRoot, List<Cid> messages,
                      List<MessageReceipt> receipts, long gasLimitUsed) {

    ExecutedTipSet {
        Objects.requireNonNull(tipSet, "tipSet");
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(receiptsRoot, "receiptsRoot");
        messages = List.copyOf(messages);
        receipts = List.copyOf(receipts);
    }

    /** The execution {@code outcome} of tipset {@code key}: its applied messages, in order, are the receipts' messages. */
    static ExecutedTipSet of(TipSetKey key, TipSetOutcome outcome, Cid receiptsRoot, long gasLimitUsed) {
        List<Cid> applied = outcome.results().stream()
            .filter(ApplyResult.Applied.class::isInstance).map(ApplyResult::messageCid).toList();
        return new ExecutedTipSet(key, outcome.stateRoot(), receiptsRoot, applied, outcome.receipts(), gasLimitUsed);
    }
}

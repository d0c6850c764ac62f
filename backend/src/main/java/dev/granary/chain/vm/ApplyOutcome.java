package dev.granary.chain.vm;

import java.util.List;
import java.util.Objects;

import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;

/**
 * The state root after one block applied with {@link Vm#apply}, and one result per message in the same
 * order. The receipts are {@link #receipts()}: those of the applied messages only, since invalid ones are dropped.
 */
public record ApplyOutcome(Cid stateRoot, List<ApplyResult> results) {

    public ApplyOutcome {
        Objects.requireNonNull(stateRoot, "stateRoot");
        results = List.copyOf(results);
    }

    public List<MessageReceipt> receipts() {
        return results.stream()
                .filter(ApplyResult.Applied.class::isInstance)
                .map(r -> ((ApplyResult.Applied) r).receipt())
                .toList();
    }
}

package dev.granary.chain.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.granary.chain.types.TipSetKey;
import dev.granary.chain.vm.ApplyResult;
import dev.granary.chain.vm.TipSetOutcome;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * The producer's trial run of candidate messages on the head's result. Invalid messages leave no trace
 * in the VM, so running only the included ones gives exactly this outcome: the producer puts them in
 * its block and keeps the outcome as the new tipset's execution.
 */
record TrialRun(List<SignedMessage> included, List<ApplyResult.Invalid> invalid, TipSetOutcome outcome,
                Cid receiptsRoot) {

    static TrialRun of(List<SignedMessage> candidates, TipSetOutcome outcome, Cid receiptsRoot) {
        Map<Cid, SignedMessage> byCid = candidates.stream()
            .collect(Collectors.toMap(SignedMessage::cid, Function.identity(), (a, b) -> a));
        List<SignedMessage> included = new ArrayList<>();
        List<ApplyResult.Invalid> invalid = new ArrayList<>();
        for (ApplyResult result : outcome.results()) {
            switch (result) {
                case ApplyResult.Applied applied -> included.add(byCid.get(applied.messageCid()));
                case ApplyResult.Invalid refused -> invalid.add(refused);
            }
        }
        return new TrialRun(List.copyOf(included), List.copyOf(invalid), outcome, receiptsRoot);
    }

    ExecutedTipSet executed(TipSetKey key) {
        long gasLimitUsed = included.stream().mapToLong(m -> m.message().gasLimit()).sum();
        return ExecutedTipSet.of(key, outcome, receiptsRoot, gasLimitUsed);
    }
}

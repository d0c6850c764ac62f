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
 * A trial run of candidate messages on a tipset's resulting state. Invalid messages leave no trace in
 * the VM, so running the valid ones alone gives exactly this outcome: the producer includes them and
 * keeps the outcome as the new tipset's execution.
 */
record ExecutionPlan(List<SignedMessage> candidates, TipSetOutcome outcome, Cid receiptsRoot, long gasLimitUsed) {

    List<SignedMessage> valid() {
        Map<Cid, SignedMessage> byCid = candidates.stream()
            .collect(Collectors.toMap(SignedMessage::cid, Function.identity(), (a, b) -> a));
        List<SignedMessage> valid = new ArrayList<>();
        for (ApplyResult result : outcome.results()) {
            if (result instanceof ApplyResult.Applied applied) {
                valid.add(byCid.get(applied.messageCid()));
            }
        }
        return valid;
    }

    List<ApplyResult.Invalid> invalid() {
        return outcome.results().stream()
            .filter(ApplyResult.Invalid.class::isInstance).map(ApplyResult.Invalid.class::cast).toList();
    }

    ExecutedTipSet executed(TipSetKey key) {
        List<Cid> executed = outcome.results().stream()
            .filter(ApplyResult.Applied.class::isInstance).map(ApplyResult::messageCid).toList();
        return new ExecutedTipSet(key, outcome.stateRoot(), receiptsRoot, executed, outcome.receipts(), gasLimitUsed);
    }
}

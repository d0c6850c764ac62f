package dev.granary.chain.mpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.vm.MessageChecks;
import dev.granary.chain.vm.PriceList;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/**
 * Chooses the messages of the next block, as Lotus' greedy selection does for a producer that is
 * alone: per sender, the run of messages the state would accept in order; that run cut into chains
 * whose worth per gas falls; every chain ranked by worth per gas and taken best first while it fits,
 * a chain that does not fit being cut to the prefix that does and ranked again.
 */
final class MessageSelector {

    private MessageSelector() {
    }

    static List<SignedMessage> select(Map<Long, List<SignedMessage>> pending, StateQueries state, TokenAmount baseFee,
                                      long gasLimit, int maxMessages) {
        List<MessageChain> chains = new ArrayList<>();
        pending.forEach((senderId, messages) ->
                chains.addAll(cutIntoChains(senderId, includableRun(senderId, messages, state, baseFee), baseFee)));
        chains.sort(MessageChain.BEST_FIRST);
        return pack(chains, gasLimit, maxMessages);
    }

    /**
     * The sender's messages the VM would apply one after the other from its state nonce: the run ends
     * at a gap, at a fee cap below the base fee, at a gas limit below the inclusion charge, when the
     * balance no longer covers value + gas limit × fee cap, or past the block gas limit.
     */
    static List<SignedMessage> includableRun(long senderId, List<SignedMessage> byNonce, StateQueries state,
                                             TokenAmount baseFee) {
        Optional<ActorState> actor = state.actor(Address.ofId(senderId));
        if (actor.isEmpty() || !actor.get().isAccount()) {
            return List.of();
        }
        long expected = actor.get().callSeqNum();
        TokenAmount balance = actor.get().balance();
        long gas = 0;
        List<SignedMessage> run = new ArrayList<>();
        for (SignedMessage signed : byNonce) {
            Message m = signed.message();
            if (Long.compareUnsigned(m.nonce(), expected) < 0) {
                continue;
            }
            TokenAmount required = MessageCosts.requiredFunds(signed);
            gas += m.gasLimit();
            boolean includable = m.nonce() == expected
                    && m.gasFeeCap().compareTo(baseFee) >= 0
                    && m.gasLimit() >= PriceList.onChainMessage(MessageChecks.chainLength(signed))
                    && balance.compareTo(required) >= 0
                    && gas <= GasConstants.BLOCK_GAS_LIMIT;
            if (!includable) {
                break;
            }
            run.add(signed);
            balance = balance.subtract(required);
            expected++;
        }
        return run;
    }

    /**
     * Lotus' chain construction: a message joins the current chain unless that lowers the chain's worth
     * per gas; then adjacent chains merge while a later one is worth at least as much as the one before,
     * so a sender's chains end up strictly falling in worth and ranking keeps them in nonce order.
     */
    static List<MessageChain> cutIntoChains(long senderId, List<SignedMessage> run, TokenAmount baseFee) {
        List<MessageChain> chains = new ArrayList<>();
        for (SignedMessage signed : run) {
            BigInteger reward = MessageCosts.gasReward(signed.message(), baseFee);
            MessageChain single = MessageChain.of(senderId, List.of(signed), List.of(reward));
            if (chains.isEmpty()) {
                chains.add(single);
                continue;
            }
            MessageChain last = chains.getLast();
            MessageChain extended = last.append(single);
            if (extended.comparePerformance(last) < 0) {
                chains.add(single);
            } else {
                chains.set(chains.size() - 1, extended);
            }
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = chains.size() - 1; i > 0; i--) {
                if (chains.get(i).comparePerformance(chains.get(i - 1)) >= 0) {
                    chains.set(i - 1, chains.get(i - 1).append(chains.remove(i)));
                    merged = true;
                }
            }
        }
        return chains;
    }

    /**
     * Takes chains best first while they fit. A chain that does not fit is cut to its longest prefix
     * that does, and the prefix goes back into the ranking with its own worth (Lotus' Trim); the
     * sender's later chains are then out, since their nonces depend on the dropped tail. A chain is
     * taken only when it starts at the sender's next nonce, which keeps each sender's nonce order.
     */
    static List<SignedMessage> pack(List<MessageChain> ranked, long gasLimit, int maxMessages) {
        Map<Long, Long> nextNonce = new HashMap<>();
        for (MessageChain chain : ranked) {
            nextNonce.merge(chain.senderId(), chain.firstNonce(), (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
        }
        PriorityQueue<MessageChain> queue = new PriorityQueue<>(MessageChain.BEST_FIRST);
        queue.addAll(ranked);
        List<SignedMessage> selected = new ArrayList<>();
        long gasLeft = gasLimit;
        while (!queue.isEmpty() && selected.size() < maxMessages) {
            MessageChain chain = queue.poll();
            if (chain.firstNonce() != nextNonce.get(chain.senderId())) {
                continue;
            }
            int fitting = fittingPrefix(chain, gasLeft, maxMessages - selected.size());
            if (fitting == chain.size()) {
                selected.addAll(chain.messages());
                gasLeft -= chain.gasLimit();
                nextNonce.put(chain.senderId(), chain.firstNonce() + chain.size());
            } else if (fitting > 0) {
                queue.add(chain.prefix(fitting));
            }
        }
        return selected;
    }

    private static int fittingPrefix(MessageChain chain, long gasLeft, int countLeft) {
        int count = 0;
        long gas = 0;
        for (SignedMessage signed : chain.messages()) {
            gas += signed.message().gasLimit();
            if (gas > gasLeft || count >= countLeft) {
                break;
            }
            count++;
        }
        return count;
    }
}

package dev.granary.chain.mpool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.granary.message.SignedMessage;

/**
 * Consecutive messages of one sender that selection takes or leaves together (Lotus' msgChain), with
 * each message's gas reward (effective premium × gas limit). The chain's worth per gas is
 * reward / gasLimit, compared exactly as a fraction.
 */
record MessageChain(long senderId, List<SignedMessage> messages, List<BigInteger> rewards, BigInteger reward,
                    long gasLimit) {

    /** Best first: more reward per gas, then more reward, then lower sender ID, then lower first nonce. */
    static final Comparator<MessageChain> BEST_FIRST = ((Comparator<MessageChain>) MessageChain::comparePerformance)
            .reversed()
            .thenComparing(MessageChain::reward, Comparator.reverseOrder())
            .thenComparing(MessageChain::senderId, Long::compareUnsigned)
            .thenComparing(MessageChain::firstNonce, Long::compareUnsigned);

    MessageChain {
        messages = List.copyOf(messages);
        rewards = List.copyOf(rewards);
    }

    static MessageChain of(long senderId, List<SignedMessage> messages, List<BigInteger> rewards) {
        BigInteger reward = rewards.stream().reduce(BigInteger.ZERO, BigInteger::add);
        long gas = messages.stream().mapToLong(m -> m.message().gasLimit()).sum();
        return new MessageChain(senderId, messages, rewards, reward, gas);
    }

    MessageChain append(MessageChain next) {
        List<SignedMessage> joinedMessages = new ArrayList<>(messages);
        joinedMessages.addAll(next.messages);
        List<BigInteger> joinedRewards = new ArrayList<>(rewards);
        joinedRewards.addAll(next.rewards);
        return new MessageChain(senderId, joinedMessages, joinedRewards, reward.add(next.reward), gasLimit + next.gasLimit);
    }

    /** The first {@code count} messages. */
    MessageChain prefix(int count) {
        return of(senderId, messages.subList(0, count), rewards.subList(0, count));
    }

    long firstNonce() {
        return messages.getFirst().message().nonce();
    }

    int size() {
        return messages.size();
    }

    /** Compares reward per gas: reward × other.gasLimit against other.reward × gasLimit. */
    int comparePerformance(MessageChain other) {
        return reward.multiply(BigInteger.valueOf(other.gasLimit))
                .compareTo(other.reward.multiply(BigInteger.valueOf(gasLimit)));
    }
}

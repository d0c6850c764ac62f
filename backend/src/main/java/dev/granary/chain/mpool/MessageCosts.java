package dev.granary.chain.mpool;

import java.math.BigInteger;

import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/** What a message may cost its sender and what it pays the block producer. */
final class MessageCosts {

    private MessageCosts() {
    }

    /** Lotus' RequiredFunds plus the value: the most the message can take from the sender's balance. */
    static TokenAmount requiredFunds(SignedMessage signed) {
        Message m = signed.message();
        return m.value().add(m.gasFeeCap().multiply(m.gasLimit()));
    }

    /** The premium per gas the producer actually gets at {@code baseFee}: min(premium, feeCap − baseFee). */
    static BigInteger effectivePremium(Message m, TokenAmount baseFee) {
        BigInteger headroom = m.gasFeeCap().attoFil().subtract(baseFee.attoFil());
        return headroom.min(m.gasPremium().attoFil());
    }

    /** Lotus' getGasReward: the effective premium times the gas limit. */
    static BigInteger gasReward(Message m, TokenAmount baseFee) {
        return effectivePremium(m, baseFee).multiply(BigInteger.valueOf(m.gasLimit()));
    }
}

package dev.granary.chain.mpool;

import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/**
 * The checks that depend on what is already pending for the sender: nonce order, replacement by fee,
 * the per-sender cap and the funds for everything pending. Run under the pool's lock.
 */
final class PoolAdmission {

    private PoolAdmission() {
    }

    /** Checks {@code signed} may join the pool; returns the pending message it replaces, or null. */
    static SignedMessage check(SignedMessage signed, SenderCheck.Sender sender, PendingMessages pending, MpoolConfig config) {
        Message m = signed.message();
        long stateNonce = sender.actor().callSeqNum();
        if (Long.compareUnsigned(m.nonce(), stateNonce) < 0) {
            throw new MessageRejectedException(RejectReason.NONCE_TOO_LOW, "nonce " + Long.toUnsignedString(m.nonce())
                    + " of sender " + m.from() + " was already used on chain; its next nonce is "
                    + Long.toUnsignedString(pending.nextNonce(sender.id(), stateNonce)));
        }
        SignedMessage replaced = pending.get(sender.id(), m.nonce());
        if (replaced != null) {
            ReplaceByFee.check(replaced.message(), m);
        } else {
            checkNoGap(m, sender, pending);
            checkSenderCap(m, sender, pending, config);
        }
        checkFunds(signed, sender, pending);
        return replaced;
    }

    private static void checkNoGap(Message m, SenderCheck.Sender sender, PendingMessages pending) {
        long expected = pending.nextNonce(sender.id(), sender.actor().callSeqNum());
        if (m.nonce() != expected) {
            throw new MessageRejectedException(RejectReason.NONCE_GAP, "nonce " + Long.toUnsignedString(m.nonce())
                    + " of sender " + m.from() + " leaves a gap: the next expected nonce is " + Long.toUnsignedString(expected)
                    + " (state nonce " + Long.toUnsignedString(sender.actor().callSeqNum()) + " plus pending messages);"
                    + " send nonce " + Long.toUnsignedString(expected) + " first");
        }
    }

    private static void checkSenderCap(Message m, SenderCheck.Sender sender, PendingMessages pending, MpoolConfig config) {
        int count = pending.ofSender(sender.id()).size();
        if (count >= config.maxPendingPerSender()) {
            throw new MessageRejectedException(RejectReason.TOO_MANY_PENDING, "sender " + m.from() + " already has "
                    + count + " pending messages, the most allowed; wait until some are included");
        }
    }

    private static void checkFunds(SignedMessage signed, SenderCheck.Sender sender, PendingMessages pending) {
        Message m = signed.message();
        TokenAmount balance = sender.actor().balance();
        TokenAmount own = MessageCosts.requiredFunds(signed);
        if (balance.compareTo(own) < 0) {
            throw new MessageRejectedException(RejectReason.INSUFFICIENT_FUNDS, "sender " + m.from() + " has "
                    + balance.attoFil() + " attoFIL but the message may cost " + own.attoFil()
                    + " attoFIL (value + gas limit × fee cap); fund the sender or lower the value, gas limit or fee cap");
        }
        TokenAmount others = pending.requiredFunds(sender.id(), sender.actor().callSeqNum(), m.nonce());
        TokenAmount total = own.add(others);
        if (balance.compareTo(total) < 0) {
            throw new MessageRejectedException(RejectReason.INSUFFICIENT_FUNDS, "sender " + m.from() + " has "
                    + balance.attoFil() + " attoFIL but its pending messages may cost " + others.attoFil()
                    + " attoFIL and this one " + own.attoFil() + " attoFIL more (value + gas limit × fee cap each);"
                    + " wait for pending messages to be included, fund the sender, or lower this message's costs");
        }
    }
}

package dev.granary.chain.mpool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * The pool's in-memory index: per sender ID the messages by nonce, a CID index, and the address
 * spellings each sender has been seen under. Not thread-safe: {@link MessagePool} guards it.
 * IDs and nonces are Go uint64s held in longs, hence the unsigned orderings.
 */
final class PendingMessages {

    /** Where a pending message is filed. */
    record Slot(long senderId, long nonce) {
    }

    private final NavigableMap<Long, NavigableMap<Long, SignedMessage>> bySender = new TreeMap<>(Long::compareUnsigned);
    private final Map<Cid, Slot> byCid = new HashMap<>();
    private final Map<Address, Long> senderIds = new HashMap<>();
    private int size;

    int size() {
        return size;
    }

    SignedMessage get(Cid cid) {
        Slot slot = byCid.get(cid);
        return slot == null ? null : bySender.get(slot.senderId()).get(slot.nonce());
    }

    SignedMessage get(long senderId, long nonce) {
        NavigableMap<Long, SignedMessage> messages = bySender.get(senderId);
        return messages == null ? null : messages.get(nonce);
    }

    /** The sender's messages by nonce (read-only view; empty when it has none). */
    NavigableMap<Long, SignedMessage> ofSender(long senderId) {
        NavigableMap<Long, SignedMessage> messages = bySender.get(senderId);
        return messages == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(messages);
    }

    /** The IDs of the senders with pending messages: a copy, safe to use after the pool's lock is released. */
    Collection<Long> senderIds() {
        return List.copyOf(bySender.keySet());
    }

    /** Files {@code message} under {@code senderId}; returns the message it replaces, or null. */
    SignedMessage put(long senderId, SignedMessage message) {
        long nonce = message.message().nonce();
        SignedMessage previous = bySender.computeIfAbsent(senderId, id -> new TreeMap<>(Long::compareUnsigned))
                .put(nonce, message);
        if (previous != null) {
            byCid.remove(previous.cid());
        } else {
            size++;
        }
        byCid.put(message.cid(), new Slot(senderId, nonce));
        rememberSpelling(message.message().from(), senderId);
        return previous;
    }

    SignedMessage remove(long senderId, long nonce) {
        NavigableMap<Long, SignedMessage> messages = bySender.get(senderId);
        SignedMessage removed = messages == null ? null : messages.remove(nonce);
        if (removed == null) {
            return null;
        }
        if (messages.isEmpty()) {
            bySender.remove(senderId);
        }
        byCid.remove(removed.cid());
        size--;
        return removed;
    }

    /** Records that {@code address} (f1, f3 or f0) names the sender {@code senderId}. */
    void rememberSpelling(Address address, long senderId) {
        if (address.protocol() != Protocol.ID) {
            senderIds.put(address, senderId);
        }
    }

    /** The sender ID of an ID address, or of a key address some message or head change showed; null otherwise. */
    Long knownSenderId(Address address) {
        // Not a ternary: mixing long and Long would unbox a missing spelling into a NullPointerException.
        if (address.protocol() == Protocol.ID) {
            return address.id();
        }
        return senderIds.get(address);
    }

    /**
     * The first nonce at or after {@code stateNonce} with no pending message: the nonce the sender's
     * next new message must carry (Lotus' MpoolGetNonce).
     */
    long nextNonce(long senderId, long stateNonce) {
        NavigableMap<Long, SignedMessage> messages = ofSender(senderId);
        long next = stateNonce;
        while (messages.containsKey(next)) {
            next++;
        }
        return next;
    }

    /**
     * What the sender's pending messages from {@code stateNonce} on may cost (value + gasLimit × feeCap
     * each), leaving out the one at {@code exceptNonce}, which a replacement supersedes.
     */
    TokenAmount requiredFunds(long senderId, long stateNonce, long exceptNonce) {
        TokenAmount total = TokenAmount.ZERO;
        for (SignedMessage m : ofSender(senderId).tailMap(stateNonce, true).values()) {
            if (m.message().nonce() != exceptNonce) {
                total = total.add(MessageCosts.requiredFunds(m));
            }
        }
        return total;
    }

    /** All messages by sender ID, then nonce. */
    List<SignedMessage> all() {
        List<SignedMessage> out = new ArrayList<>(size);
        bySender.values().forEach(messages -> out.addAll(messages.values()));
        return out;
    }

    /** A copy of the pool, by sender ID then nonce, for work done outside the pool's lock. */
    Map<Long, List<SignedMessage>> snapshot() {
        Map<Long, List<SignedMessage>> copy = new LinkedHashMap<>();
        bySender.forEach((id, messages) -> copy.put(id, List.copyOf(messages.values())));
        return copy;
    }
}

package dev.granary.messages;

import dev.granary.address.Address;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per sender key address, held from taking a nonce until the push's outcome is recorded, and
 * while a replacement or a re-push is made: so a refused push can give its nonce back before any later
 * message of the same sender takes the next one. Senders are few (the node's own wallets), so locks are kept.
 */
final class SenderLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(Address sender) {
        return locks.computeIfAbsent(sender.toString(), k -> new ReentrantLock(true));
    }
}

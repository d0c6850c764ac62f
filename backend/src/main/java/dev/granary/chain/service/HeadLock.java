package dev.granary.chain.service;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the head and the message pool in step. Moving the head (write the tipset, prune the pool of
 * what it included) happens under the write lock; a push or a nonce query reads the head's state and
 * the pool under the read lock. Without it a push could check a message against the old head's state
 * after the pool had already dropped the messages the new head included, and refuse a valid nonce as
 * a gap.
 */
final class HeadLock {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T reading(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    void moving(Runnable move) {
        lock.writeLock().lock();
        try {
            move.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}

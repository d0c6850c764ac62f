package dev.granary.chain.vm;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.granary.chain.actors.StateAccess;

/**
 * Writes of one call buffered over its caller's view of the state: reads see them first, then the
 * parent's. A successful call merges them into the parent; a failed one drops the overlay, which undoes
 * exactly the call's own changes (and those of the calls it made) and nothing of its caller's.
 */
final class StateOverlay implements StateAccess {

    /** Marks a deleted key; compared by identity, never handed out. */
    private static final byte[] DELETED = new byte[0];

    private final StateAccess parent;
    private final Map<byte[], byte[]> writes = new TreeMap<>(Arrays::compareUnsigned);

    StateOverlay(StateAccess parent) {
        this.parent = Objects.requireNonNull(parent, "parent");
    }

    @Override
    public byte[] get(byte[] key) {
        byte[] value = writes.get(key);
        if (value == null) {
            return parent.get(key);
        }
        return value == DELETED ? null : value.clone();
    }

    @Override
    public void put(byte[] key, byte[] value) {
        Objects.requireNonNull(value, "value");
        writes.put(key.clone(), value.clone());
    }

    @Override
    public void delete(byte[] key) {
        writes.put(key.clone(), DELETED);
    }

    /** Applies every buffered write to the parent (in key order, so the parent sees the same sequence on every node). */
    void mergeIntoParent() {
        writes.forEach((key, value) -> {
            if (value == DELETED) {
                parent.delete(key);
            } else {
                parent.put(key, value);
            }
        });
        writes.clear();
    }
}

package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.chain.state.StateSession;

/**
 * Reads and writes of state-trie entries, whether straight into a {@link StateSession} or into a
 * buffer the VM layers over it (one layer per call, dropped when the call fails).
 */
public interface StateAccess {

    /** The value at {@code key}, or null when there is none. */
    byte[] get(byte[] key);

    void put(byte[] key, byte[] value);

    void delete(byte[] key);

    /** Reads and writes go straight to {@code session}. */
    static StateAccess of(StateSession session) {
        Objects.requireNonNull(session, "session");
        return new StateAccess() {
            @Override
            public byte[] get(byte[] key) {
                return session.get(key);
            }

            @Override
            public void put(byte[] key, byte[] value) {
                session.put(key, value);
            }

            @Override
            public void delete(byte[] key) {
                session.delete(key);
            }
        };
    }
}

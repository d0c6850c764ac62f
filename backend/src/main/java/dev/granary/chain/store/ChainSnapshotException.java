package dev.granary.chain.store;

/**
 * A chain snapshot refused on import (something missing, extra or malformed) or one that cannot be
 * exported from this store. The message says which block and what a valid snapshot holds.
 */
public final class ChainSnapshotException extends RuntimeException {

    public ChainSnapshotException(String message) {
        super(message);
    }

    public ChainSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.granary.chain.store;

/** A chain-store operation that cannot be done as asked; the message says what to do instead. */
public final class ChainStoreException extends RuntimeException {

    public ChainStoreException(String message) {
        super(message);
    }
}

package dev.granary.chain.types;

/** Blocks that cannot form a tipset; the message says which rule they break. */
public final class InvalidTipSetException extends IllegalArgumentException {

    public InvalidTipSetException(String message) {
        super(message);
    }
}

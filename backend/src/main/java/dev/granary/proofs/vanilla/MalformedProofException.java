package dev.granary.proofs.vanilla;

/** Serialised proof bytes that cannot be a proof: wrong version, wrong length, counts out of range. */
public final class MalformedProofException extends RuntimeException {

    public MalformedProofException(String reason) {
        super("malformed proof: " + reason);
    }
}

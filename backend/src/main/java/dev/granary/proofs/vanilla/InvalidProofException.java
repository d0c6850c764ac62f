package dev.granary.proofs.vanilla;

/** A well-formed proof that does not prove what it claims; the message names the failed step. */
public final class InvalidProofException extends RuntimeException {

    public InvalidProofException(String reason) {
        super("invalid proof: " + reason);
    }
}

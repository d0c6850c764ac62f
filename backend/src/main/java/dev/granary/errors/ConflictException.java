package dev.granary.errors;

/** The request contradicts the current state (REST: 409). */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}

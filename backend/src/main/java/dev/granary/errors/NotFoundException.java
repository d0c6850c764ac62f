package dev.granary.errors;

/** The named thing does not exist (REST: 404). */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}

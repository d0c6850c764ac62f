package dev.granary.auth;

/** The caller is known but lacks a permission; the message names it (REST: 403). */
public final class AccessDeniedException extends RuntimeException {

    private final Permission missing;

    public AccessDeniedException(Permission missing, String message) {
        super(message);
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}

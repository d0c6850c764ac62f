package dev.granary.ui.security;

/** Navigation to a view the signed-in user lacks the permission for; the message says which. */
public final class ViewRefusedException extends RuntimeException {
    public ViewRefusedException(String message) {
        super(message);
    }
}

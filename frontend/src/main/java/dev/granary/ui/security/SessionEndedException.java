package dev.granary.ui.security;

/** An action was attempted after the browser's session ended; the person is sent to sign in again. */
public final class SessionEndedException extends RuntimeException {
    public SessionEndedException() {
        super("your session has ended; sign in again");
    }
}

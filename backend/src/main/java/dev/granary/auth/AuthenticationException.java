package dev.granary.auth;

/** The caller could not be identified (bad password, revoked or expired token...); REST: 401. */
public final class AuthenticationException extends RuntimeException {
    public AuthenticationException(String message) {
        super(message);
    }
}

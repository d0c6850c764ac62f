package dev.granary.auth;

/**
 * A token just created: the only time its value exists outside the caller's hands.
 *
 * @param record null for a plain Lotus token, which is not recorded
 */
public record IssuedToken(String token, ApiToken record) {}

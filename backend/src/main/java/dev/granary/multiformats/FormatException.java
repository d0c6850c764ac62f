package dev.granary.multiformats;

/**
 * Input that is not a valid encoding: a bad character, a truncated value, a non-canonical form.
 * The message says what was wrong and where. It extends {@link IllegalArgumentException} so callers
 * that validated arguments before these types existed keep working.
 */
public class FormatException extends IllegalArgumentException {

    public FormatException(String message) {
        super(message);
    }

    public FormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Quotes untrusted text for an error message, cut short so a huge input cannot flood a log. */
    public static String quote(String text) {
        int limit = 80;
        return text.length() <= limit ? "'" + text + "'"
                : "'" + text.substring(0, limit) + "…' (" + text.length() + " characters)";
    }
}

package dev.granary.cli;

/**
 * A failure the user can act on: the command prints its message as one line on stderr and exits 1.
 * The message starts with what was being done ("creating token: ...").
 */
public class CliFailure extends RuntimeException {

    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

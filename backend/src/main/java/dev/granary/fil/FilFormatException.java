package dev.granary.fil;

/**
 * Bytes or text that are not a valid Filecoin big integer or token amount. The message names the
 * input and what to write instead.
 */
public final class FilFormatException extends IllegalArgumentException {

    public FilFormatException(String message) {
        super(message);
    }
}

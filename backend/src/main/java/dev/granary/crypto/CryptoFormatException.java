package dev.granary.crypto;

/**
 * Key or signature material that is malformed: wrong length, out of range, not a curve point, an
 * unreadable export. The message says what was wrong; it never contains private key bytes.
 */
public final class CryptoFormatException extends IllegalArgumentException {

    public CryptoFormatException(String message) {
        super(message);
    }

    public CryptoFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}

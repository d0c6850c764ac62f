package dev.granary.address;

/**
 * Text or bytes that are not a Filecoin address. Every rejection by {@link Address#parse} and
 * {@link Address#fromBytes} is this exception; {@link #reason()} says which rule failed (the same
 * classes of error go-address reports) and the message says what was wrong with the input.
 */
public final class AddressException extends IllegalArgumentException {

    /** Which rule the input broke. */
    public enum Reason {
        UNKNOWN_NETWORK,
        UNKNOWN_PROTOCOL,
        INVALID_LENGTH,
        INVALID_PAYLOAD,
        INVALID_CHECKSUM,
        INVALID_ENCODING
    }

    private final Reason reason;

    public AddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

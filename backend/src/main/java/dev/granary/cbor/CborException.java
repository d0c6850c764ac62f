package dev.granary.cbor;

import dev.granary.multiformats.FormatException;

/**
 * Input that is not canonical dag-cbor, or not what a codec expects. The message starts with the
 * byte offset of the offending data item ("at byte 17: ..."), counted from the start of the document.
 */
public class CborException extends FormatException {

    private final int offset;
    private final String reason;

    public CborException(int offset, String reason) {
        super("at byte " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public CborException(int offset, String reason, Throwable cause) {
        super("at byte " + offset + ": " + reason, cause);
        this.offset = offset;
        this.reason = reason;
    }

    /** Where in the document the offending item starts. */
    public int offset() {
        return offset;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }
}

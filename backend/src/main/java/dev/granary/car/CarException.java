package dev.granary.car;

import dev.granary.multiformats.FormatException;

/**
 * A CAR stream that cannot be read: the message starts with the byte offset (from the start of the
 * file, including any CARv2 wrapper) of the section or header at fault, and {@link #kind()} says what
 * went wrong so callers can react without parsing the message.
 */
public final class CarException extends FormatException {

    /** What was wrong with the input. */
    public enum Kind {
        /** The stream ended inside a header or section. */
        TRUNCATED,
        /** The header is not a valid CAR header (not dag-cbor, wrong fields, unsupported version). */
        BAD_HEADER,
        /** A section's length or CID is malformed. */
        BAD_SECTION,
        /** A declared length is beyond the configured maximum, so it was refused before allocating. */
        TOO_LARGE,
        /** A block's data does not hash to its CID. */
        CID_MISMATCH,
        /** A block's CID uses a hash function this reader cannot check. */
        UNSUPPORTED_HASH,
        /** Reading the underlying stream failed. */
        IO
    }

    private final Kind kind;
    private final long offset;

    public CarException(Kind kind, long offset, String reason) {
        super("at byte " + offset + ": " + reason);
        this.kind = kind;
        this.offset = offset;
    }

    public CarException(Kind kind, long offset, String reason, Throwable cause) {
        super("at byte " + offset + ": " + reason, cause);
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() {
        return kind;
    }

    /** Offset from the start of the file of the header or section at fault. */
    public long offset() {
        return offset;
    }
}

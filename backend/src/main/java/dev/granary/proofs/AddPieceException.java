package dev.granary.proofs;

import java.nio.file.Path;

/**
 * AddPiece refused or failed; {@link #kind()} says why, the message says what to do, and
 * {@link #file()} is the unsealed file or the payload file concerned. When it happens after writing
 * started, the unsealed file has been cut back to its length before the call.
 */
public final class AddPieceException extends ProofFileException {

    public enum Kind {
        /** A piece or sector size that no piece or sector can have. */
        INVALID_SIZE,
        /** The payload ended before the declared piece size. */
        PAYLOAD_TOO_SHORT,
        /** The payload holds more than the declared piece size. */
        PAYLOAD_TOO_LONG,
        /** The piece, aligned after the existing pieces, does not fit the sector. */
        NO_SPACE,
        /** The unsealed file's length does not match the existing pieces it should hold. */
        FILE_MISMATCH,
        /** Reading the payload or writing the unsealed file failed. */
        IO
    }

    private final Kind kind;

    public AddPieceException(Kind kind, Path file, String reason) {
        this(kind, file, reason, null);
    }

    public AddPieceException(Kind kind, Path file, String reason, Throwable cause) {
        super(file, reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}

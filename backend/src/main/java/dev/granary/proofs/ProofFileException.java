package dev.granary.proofs;

import java.nio.file.Path;

/**
 * A sector file that sealing or proving reads or writes is missing, truncated, the wrong size,
 * corrupt or unwritable. Carries the file and the reason so an operator knows which file to
 * restore or which sector to re-seal.
 */
public class ProofFileException extends RuntimeException {

    private final Path file;
    private final String reason;

    public ProofFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public ProofFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public String reason() {
        return reason;
    }
}

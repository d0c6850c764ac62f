package dev.granary.proofs;

import java.nio.file.Path;

/** A parent cache that cannot be written or read; carries the file and the reason. */
public final class ParentCacheException extends RuntimeException {

    private final Path file;

    public ParentCacheException(Path file, String reason, Throwable cause) {
        super("parent cache " + file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}

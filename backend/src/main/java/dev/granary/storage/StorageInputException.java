package dev.granary.storage;

import java.nio.file.Path;

/**
 * Bad input about a storage path (REST: 400 with {@code path} and {@code field} in the problem): not a
 * directory, not writable, a malformed sectorstore.json field. The message names both.
 */
public final class StorageInputException extends IllegalArgumentException {

    private final String path;
    private final String field;

    public StorageInputException(Path path, String field, String message) {
        super(message);
        this.path = path == null ? "" : path.toString();
        this.field = field;
    }

    public String path() { return path; }

    public String field() { return field; }
}

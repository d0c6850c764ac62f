package dev.granary.cli;

import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.PrivateKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A wallet key from a file in one of Lotus' export formats, as `lotus wallet export` writes it:
 * json-lotus when the text is a JSON object, hex-lotus otherwise. Errors never quote the file's text.
 */
final class KeyFile {

    private KeyFile() {}

    static PrivateKey read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("reading key file " + file + ": " + (e.getMessage() == null ? e : e.getMessage()));
        }
        KeyFormat format = text.strip().startsWith("{") ? KeyFormat.JSON_LOTUS : KeyFormat.HEX_LOTUS;
        try {
            return format.importKey(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("reading key file " + file + " (" + format.formatName() + "): " + e.getMessage());
        }
    }
}

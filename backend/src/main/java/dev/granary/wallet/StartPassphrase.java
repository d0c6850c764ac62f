package dev.granary.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passphrase that unlocks the wallet store at start and where it came from, for error messages
 * (which name the source, never the passphrase). Order: the node's options (a prompt of `granary run`,
 * a test), then GRANARY_WALLET_PASSPHRASE, then [wallet] passphrase-file; none means start locked.
 */
record StartPassphrase(String passphrase, String source) {

    static final String ENV = "GRANARY_WALLET_PASSPHRASE";
    private static final Logger log = LoggerFactory.getLogger(StartPassphrase.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    static Optional<StartPassphrase> find(Optional<String> given, Function<String, String> environment,
                                          String passphraseFile) {
        if (given.isPresent() && !given.get().isEmpty()) {
            return Optional.of(new StartPassphrase(given.get(), "the passphrase passed to the node (granary run --wallet-passphrase-file)"));
        }
        String fromEnv = environment.apply(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(new StartPassphrase(fromEnv, ENV));
        }
        if (passphraseFile != null && !passphraseFile.isBlank()) {
            Path file = Path.of(passphraseFile.strip());
            return Optional.of(new StartPassphrase(readFile(file), "wallet.passphrase-file " + file));
        }
        return Optional.empty();
    }

    /** The first line, without its line ending (spaces are part of a passphrase). */
    static String readFile(Path file) {
        String where = "the wallet passphrase file " + file;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading the wallet passphrase from " + where + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "; fix the path, or remove the setting to start with the wallet store locked", e);
        }
        warnIfOthersMayRead(file);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new IllegalStateException(where + " is empty: its first line must hold the wallet passphrase");
        }
        return line;
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                log.warn("the wallet passphrase file {} can be read or written by other users (mode {}); "
                    + "run chmod 600 on it", file, java.nio.file.attribute.PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }

    /** Never print the passphrase. */
    @Override
    public String toString() {
        return "StartPassphrase[from " + source + "]";
    }
}

package dev.granary.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/** Files under the home that hold secrets: created owner-only (0600) before anything is written to them. */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {}

    /** Reads the 32-byte secret at {@code file}, creating a random one at first start. */
    public static byte[] loadOrCreateSecret(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] secret = Files.readAllBytes(file);
                if (secret.length != 32) {
                    throw new IllegalStateException("reading token secret " + file + ": expected 32 bytes, found "
                        + secret.length + "; restore it from a backup (tokens signed with another secret stop working)");
                }
                return secret;
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            writeOwnerOnly(file, secret);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("reading token secret " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code file} with mode 0600 and writes the bytes; fails if it already exists. */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }
}

package dev.granary.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Creates {@code file} with mode 0600 holding {@code content}; fails if it already exists. The bytes
     * go to a 0600 file beside it, are forced to disk, and the file is renamed into place, so a crash at
     * any moment leaves either no file or the whole secret — never a truncated one the next start cannot
     * read.
     */
    public static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(partial); // not a POSIX file system
        }
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }
}

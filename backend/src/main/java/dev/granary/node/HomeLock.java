package dev.granary.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An OS file lock on {@code <home>/granary.lock}: two nodes on one home would corrupt RocksDB and the
 * embedded database, so the second one must stop and say who holds the home. The OS releases the
 * lock when a process dies, so a crash never leaves a stale lock behind.
 */
public final class HomeLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static HomeLock acquire(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = readHolder(file);
                channel.close();
                throw new HomeLockedException("home " + file.getParent() + " is in use by another Granary node ("
                    + holder + "); stop it first or start this one with another --home");
            }
            writeHolder(channel);
            return new HomeLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("locking home " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM, e.g. a second node started in-process
        }
    }

    private static String readHolder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unreadable: " + e.getMessage();
        }
    }

    private static void writeHolder(FileChannel channel) throws IOException {
        String holder = "pid " + ProcessInfo.pid() + " on " + ProcessInfo.hostName()
            + ", started " + Instant.now() + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is the one to report
            }
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IllegalStateException("releasing home lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** The home is held by another node; the message names it. */
    public static final class HomeLockedException extends RuntimeException {
        public HomeLockedException(String message) {
            super(message);
        }
    }
}

package dev.granary.proofs.tree;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.granary.proofs.ProofFileException;

/** Positional reads and writes of node files that turn every I/O failure into a {@link ProofFileException}. */
public final class NodeFiles {

    public static final int NODE_SIZE = 32;

    private NodeFiles() {
    }

    public static FileChannel openRead(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ProofFileException(file, "missing", e);
        } catch (IOException e) {
            throw new ProofFileException(file, "cannot open for reading: " + e.getMessage(), e);
        }
    }

    public static FileChannel openWrite(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ProofFileException(file, "cannot open for writing: " + e.getMessage(), e);
        }
    }

    public static long size(FileChannel channel, Path file) {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new ProofFileException(file, "cannot read the size: " + e.getMessage(), e);
        }
    }

    /** Fills {@code into} from {@code position}; hitting the end first means the file is truncated. */
    public static void readFully(FileChannel channel, Path file, long position, ByteBuffer into) {
        long at = position;
        try {
            while (into.hasRemaining()) {
                int n = channel.read(into, at);
                if (n < 0) {
                    throw new ProofFileException(file, "truncated: ends at byte " + at + ", needed "
                            + into.remaining() + " more bytes");
                }
                at += n;
            }
        } catch (IOException e) {
            throw new ProofFileException(file, "read failed at byte " + at + ": " + e.getMessage(), e);
        }
    }

    public static void writeFully(FileChannel channel, Path file, long position, ByteBuffer from) {
        long at = position;
        try {
            while (from.hasRemaining()) {
                at += channel.write(from, at);
            }
        } catch (IOException e) {
            throw new ProofFileException(file, "write failed at byte " + at + " (disk full?): " + e.getMessage(), e);
        }
    }

    public static void close(FileChannel channel, Path file) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new ProofFileException(file, "close failed: " + e.getMessage(), e);
        }
    }

    /** One node read from a file. */
    public static byte[] readNode(FileChannel channel, Path file, long position) {
        ByteBuffer b = ByteBuffer.allocate(NODE_SIZE);
        readFully(channel, file, position, b);
        return b.array();
    }
}

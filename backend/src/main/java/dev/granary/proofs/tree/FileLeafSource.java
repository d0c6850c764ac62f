package dev.granary.proofs.tree;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import dev.granary.proofs.ProofFileException;

/** Leaves stored as consecutive 32-byte nodes in a byte range of a file (a sealed, unsealed or layer file). */
public final class FileLeafSource implements LeafSource {

    private final Path file;
    private final FileChannel channel;
    private final long offset;
    private final long leaves;

    private FileLeafSource(Path file, long offset, long leaves, boolean exact) {
        if (offset < 0 || leaves <= 0) {
            throw new IllegalArgumentException("leaf range of " + file + " needs offset >= 0 and leaves > 0");
        }
        this.file = file;
        this.offset = offset;
        this.leaves = leaves;
        this.channel = NodeFiles.openRead(file);
        long size = NodeFiles.size(channel, file);
        long needed = offset + leaves * NodeFiles.NODE_SIZE;
        if (exact ? size != needed : size < needed) {
            NodeFiles.close(channel, file);
            throw new ProofFileException(file, (size < needed ? "truncated" : "wrong size") + ": has " + size
                    + " bytes, expected " + (exact ? "" : "at least ") + needed);
        }
    }

    /** The whole file, which must hold exactly {@code leaves} nodes. */
    public static FileLeafSource whole(Path file, long leaves) {
        return new FileLeafSource(file, 0, leaves, true);
    }

    /** {@code leaves} nodes starting at byte {@code offset}; the file may be longer. */
    public static FileLeafSource range(Path file, long offset, long leaves) {
        return new FileLeafSource(file, offset, leaves, false);
    }

    @Override
    public long leaves() {
        return leaves;
    }

    @Override
    public void read(long firstLeaf, ByteBuffer into) {
        long count = into.remaining() / NodeFiles.NODE_SIZE;
        if (firstLeaf < 0 || firstLeaf + count > leaves) {
            throw new IllegalArgumentException("leaves " + firstLeaf + ".." + (firstLeaf + count) + " are outside 0.."
                    + leaves + " of " + file);
        }
        NodeFiles.readFully(channel, file, offset + firstLeaf * NodeFiles.NODE_SIZE, into.duplicate());
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        NodeFiles.close(channel, file);
    }
}

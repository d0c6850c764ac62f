package dev.granary.car;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Varint;

/**
 * Streams a CARv1: the header, then one section per {@link #put} call, nothing buffered beyond the
 * section being written. The caller vouches that each CID matches its data (the reader checks it);
 * hashing every block twice on export would double its cost. {@link #close()} flushes but leaves the
 * stream open, because the caller opened it.
 */
public final class CarWriter implements AutoCloseable {

    private final OutputStream out;
    private long written;

    public CarWriter(OutputStream out, List<Cid> roots) {
        this.out = out;
        writeSection(CarHeader.encodeV1(roots), null);
    }

    /** Appends a section: varint(len(cid) + len(data)) || cid || data. */
    public void put(Cid cid, byte[] data) {
        writeSection(cid.bytes(), data);
    }

    /** Bytes written so far, header included. */
    public long bytesWritten() {
        return written;
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("flushing CAR after " + written + " bytes", e);
        }
    }

    private void writeSection(byte[] first, byte[] second) {
        long length = (long) first.length + (second == null ? 0 : second.length);
        byte[] prefix = Varint.encode(length);
        try {
            out.write(prefix);
            out.write(first);
            if (second != null) {
                out.write(second);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing CAR section at byte " + written, e);
        }
        written += prefix.length + length;
    }
}

package dev.granary.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Supplier;

/** Copies a stream into a file, never more than a limit: a write may not outgrow its reservation. */
public final class BoundedCopy {

    private BoundedCopy() {}

    /**
     * Copies all of {@code in} to {@code out} and returns the bytes written; throws with {@code overLimit}'s
     * message before writing the chunk that would pass {@code limit} (the caller discards the file).
     */
    public static long copy(InputStream in, FileChannel out, long limit, Supplier<String> overLimit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (written + n > limit) {
                throw new IOException(overLimit.get());
            }
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                out.write(chunk);
            }
            written += n;
        }
        return written;
    }
}

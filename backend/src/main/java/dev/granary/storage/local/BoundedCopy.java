package dev.granary.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.function.Supplier;

/** Copies a stream into a file, never more than a limit: a write may not outgrow its reservation. */
public final class BoundedCopy {

    private BoundedCopy() {}

    /** The source had more bytes than the limit; other IOExceptions are the source's or the disk's own. */
    public static final class OverLimitException extends IOException {
        OverLimitException(String message) {
            super(message);
        }
    }

    /**
     * Copies all of {@code in} to {@code out} and returns the bytes written; throws {@link OverLimitException}
     * with {@code overLimit}'s message before writing the chunk that would pass {@code limit}.
     */
    public static long copy(InputStream in, FileChannel out, long limit, Supplier<String> overLimit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (written + n > limit) {
                throw new OverLimitException(overLimit.get());
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

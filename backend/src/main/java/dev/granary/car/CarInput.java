package dev.granary.car;

import java.io.IOException;
import java.io.InputStream;

import dev.granary.car.CarException.Kind;
import dev.granary.multiformats.Varint;

/** The reader's view of the stream: counts bytes so every error can name its offset. */
final class CarInput {

    private final InputStream in;
    private long position;

    CarInput(InputStream in) {
        this.in = in;
    }

    long position() {
        return position;
    }

    /** The next byte, or -1 at the end of the stream. */
    int readByteOrEnd() {
        try {
            int b = in.read();
            if (b >= 0) {
                position++;
            }
            return b;
        } catch (IOException e) {
            throw new CarException(Kind.IO, position, "reading CAR: " + e.getMessage(), e);
        }
    }

    /**
     * A varint whose first byte was already read (so the caller could tell the end of the stream from
     * a section); {@code start} is where it began.
     */
    long readVarint(int firstByte, long start, String what) {
        byte[] bytes = new byte[Varint.MAX_BYTES];
        int length = 0;
        int b = firstByte;
        while (true) {
            bytes[length++] = (byte) b;
            if ((b & 0x80) == 0 || length == Varint.MAX_BYTES) {
                break;
            }
            b = readByteOrEnd();
            if (b < 0) {
                throw new CarException(Kind.TRUNCATED, start, "stream ends inside the " + what + " length varint");
            }
        }
        try {
            return Varint.decode(bytes, 0).value();
        } catch (IllegalArgumentException e) {
            throw new CarException(Kind.BAD_SECTION, start, what + " length: " + e.getMessage(), e);
        }
    }

    /** Exactly {@code length} bytes; the caller has already bounded {@code length}. */
    byte[] readExactly(int length, long start, String what) {
        try {
            byte[] bytes = in.readNBytes(length);
            position += bytes.length;
            if (bytes.length != length) {
                throw new CarException(Kind.TRUNCATED, start, what + " declares " + length + " bytes but the stream ends after "
                        + bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw new CarException(Kind.IO, position, "reading CAR: " + e.getMessage(), e);
        }
    }

    void skipExactly(long count, String what) {
        long start = position;
        try {
            in.skipNBytes(count);
            position += count;
        } catch (java.io.EOFException e) {
            throw new CarException(Kind.TRUNCATED, start, "stream ends while skipping " + count + " bytes of " + what, e);
        } catch (IOException e) {
            throw new CarException(Kind.IO, position, "reading CAR: " + e.getMessage(), e);
        }
    }
}

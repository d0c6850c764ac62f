package dev.granary.cbor;

import java.math.BigInteger;
import java.util.Arrays;

import dev.granary.multiformats.Cid;

/**
 * Writes one canonical dag-cbor document. Integers and lengths always take their shortest form;
 * arrays and maps are written as a header followed by their items, and the writer counts the items
 * so that a document can only be finished when every container is full.
 *
 * <p>Map entries must be written in dag-cbor's key order (shorter keys first, then bytewise); the
 * writer checks it rather than sorting, so a typed codec lists its fields in that order once.
 *
 * <p>Values dag-cbor cannot carry (NaN, an unpaired surrogate, a key out of order, a float when floats
 * were not enabled) are an {@link IllegalArgumentException}; writing more or fewer items than declared
 * is an {@link IllegalStateException}. After either, the writer is unusable.
 */
public final class CborWriter {

    static final int MAJOR_UNSIGNED = 0;
    static final int MAJOR_NEGATIVE = 1;
    static final int MAJOR_BYTES = 2;
    static final int MAJOR_TEXT = 3;
    static final int MAJOR_ARRAY = 4;
    static final int MAJOR_MAP = 5;
    static final int MAJOR_TAG = 6;
    static final int CID_TAG = 42;
    private static final int FALSE = 0xf4;
    private static final int TRUE = 0xf5;
    private static final int NULL = 0xf6;
    private static final int FLOAT64 = 0xfb;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final CborOptions options;
    private final Frames frames = new Frames();
    private byte[] buffer;
    private int size;

    public CborWriter() {
        this(CborOptions.DEFAULT);
    }

    public CborWriter(CborOptions options) {
        this.options = options;
        this.buffer = new byte[64];
    }

    /** A signed 64-bit integer. */
    public CborWriter writeInt(long value) {
        beginItem(false);
        if (value >= 0) {
            writeHead(MAJOR_UNSIGNED, value);
        } else {
            writeHead(MAJOR_NEGATIVE, ~value);
        }
        return this;
    }

    /** An unsigned 64-bit integer: {@code bits} is read as unsigned (Go's uint64). */
    public CborWriter writeUnsigned(long bits) {
        beginItem(false);
        writeHead(MAJOR_UNSIGNED, bits);
        return this;
    }

    /** Any integer CBOR can hold without a tag: -2^64 to 2^64 - 1. */
    public CborWriter writeInteger(BigInteger value) {
        if (value.compareTo(TWO_TO_64) >= 0 || value.compareTo(TWO_TO_64.negate()) < 0) {
            throw new IllegalArgumentException("integer " + value + " is outside dag-cbor's range -2^64..2^64-1");
        }
        beginItem(false);
        if (value.signum() >= 0) {
            writeHead(MAJOR_UNSIGNED, value.longValue());
        } else {
            writeHead(MAJOR_NEGATIVE, value.negate().subtract(BigInteger.ONE).longValue());
        }
        return this;
    }

    public CborWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public CborWriter writeBytes(byte[] bytes, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        beginItem(false);
        writeHead(MAJOR_BYTES, length);
        append(bytes, offset, length);
        return this;
    }

    public CborWriter writeText(String text) {
        byte[] utf8 = Utf8.encode(text);
        boolean key = beginItem(true);
        if (key && frames.previousKeyOffset() >= 0) {
            int order = Utf8.compareKeys(buffer, frames.previousKeyOffset(), frames.previousKeyLength(), utf8, 0, utf8.length);
            if (order >= 0) {
                String previous = new String(buffer, frames.previousKeyOffset(), frames.previousKeyLength(),
                        java.nio.charset.StandardCharsets.UTF_8);
                throw new IllegalArgumentException(order == 0 ? "duplicate map key '" + text + "'"
                        : "map key '" + text + "' written after '" + previous
                                + "': dag-cbor orders keys by length, then bytewise");
            }
        }
        writeHead(MAJOR_TEXT, utf8.length);
        if (key) {
            frames.setPreviousKey(size, utf8.length);
        }
        append(utf8, 0, utf8.length);
        return this;
    }

    /** Starts an array; exactly {@code length} items must follow. */
    public CborWriter writeArrayHeader(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("array length must be non-negative, got " + length);
        }
        beginItem(false);
        writeHead(MAJOR_ARRAY, length);
        frames.push(length, false);
        return this;
    }

    /** Starts a map; exactly {@code entries} key-value pairs must follow, keys in dag-cbor order. */
    public CborWriter writeMapHeader(int entries) {
        if (entries < 0 || entries > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("map size must be 0.." + Integer.MAX_VALUE / 2 + ", got " + entries);
        }
        beginItem(false);
        writeHead(MAJOR_MAP, entries);
        frames.push(entries * 2, true);
        return this;
    }

    public CborWriter writeBoolean(boolean value) {
        beginItem(false);
        appendByte(value ? TRUE : FALSE);
        return this;
    }

    public CborWriter writeNull() {
        beginItem(false);
        appendByte(NULL);
        return this;
    }

    /** A link: tag 42 over a byte string of 0x00 (the multibase identity prefix) and the CID's bytes. */
    public CborWriter writeCid(Cid cid) {
        byte[] bytes = cid.bytes();
        beginItem(false);
        writeHead(MAJOR_TAG, CID_TAG);
        writeHead(MAJOR_BYTES, bytes.length + 1L);
        appendByte(0);
        append(bytes, 0, bytes.length);
        return this;
    }

    /** A 64-bit float (dag-cbor has no shorter ones); only when the options allow floats. */
    public CborWriter writeFloat64(double value) {
        if (!options.allowFloats()) {
            throw new IllegalArgumentException("floats are not enabled for this writer (CborOptions.withFloats)");
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("dag-cbor has no NaN or infinity, got " + value);
        }
        beginItem(false);
        appendByte(FLOAT64);
        appendLong(Double.doubleToRawLongBits(value), 8);
        return this;
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    /** The finished document. */
    public byte[] toByteArray() {
        frames.popComplete();
        if (!frames.topLevelStarted()) {
            throw new IllegalStateException("nothing was written");
        }
        if (frames.depth() > 0) {
            throw new IllegalStateException("an array or map is still missing items");
        }
        return Arrays.copyOf(buffer, size);
    }

    Frames frames() {
        return frames;
    }

    /** Checks where the item may go and counts it; returns whether it is a map key. */
    private boolean beginItem(boolean text) {
        frames.popComplete();
        frames.requireRoomBeforeFence();
        if (frames.depth() == 0 && frames.topLevelStarted()) {
            throw new IllegalStateException("a dag-cbor document holds one top-level item, and it is complete");
        }
        boolean key = frames.atMapKey();
        if (key && !text) {
            throw new IllegalArgumentException("dag-cbor map keys must be text strings");
        }
        frames.countItem();
        return key;
    }

    private void writeHead(int major, long argument) {
        int type = major << 5;
        if (Long.compareUnsigned(argument, 24) < 0) {
            appendByte(type | (int) argument);
        } else if (Long.compareUnsigned(argument, 0x100) < 0) {
            appendByte(type | 24);
            appendLong(argument, 1);
        } else if (Long.compareUnsigned(argument, 0x10000) < 0) {
            appendByte(type | 25);
            appendLong(argument, 2);
        } else if (Long.compareUnsigned(argument, 0x1_0000_0000L) < 0) {
            appendByte(type | 26);
            appendLong(argument, 4);
        } else {
            appendByte(type | 27);
            appendLong(argument, 8);
        }
    }

    private void appendLong(long value, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void appendByte(int b) {
        ensure(1);
        buffer[size++] = (byte) b;
    }

    private void append(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    private void ensure(int more) {
        if (buffer.length - size < more) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a dag-cbor document must stay under 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}

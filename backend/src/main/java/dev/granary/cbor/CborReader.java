package dev.granary.cbor;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.FormatException;

/**
 * Reads one strict, canonical dag-cbor document from a byte array, item by item.
 *
 * <p>Every read checks the item against dag-cbor's rules before returning it: shortest integer and
 * length forms, definite lengths only, text map keys in canonical order without duplicates, no tag but
 * 42 (whose byte string must be 0x00 and a valid CID), only false/true/null among the simple values,
 * 64-bit floats only and only when enabled. A declared length is compared with the bytes that remain
 * before anything is allocated, and a declared item count with them too (every item takes at least a
 * byte), so hostile input cannot make the reader allocate more than the input's size. Arrays and maps
 * are tracked on an explicit stack bounded by {@link CborOptions#maxDepth()}; nothing recurses.
 *
 * <p>Malformed or unexpected input throws {@link CborException} with the item's offset. A codec that
 * reads past the document's single item, or leaves items unread, gets an {@link IllegalStateException}.
 */
public final class CborReader {

    private final byte[] in;
    private final int start;
    private final int end;
    private final CborOptions options;
    private final Frames frames = new Frames();
    private int pos;

    // The head most recently parsed: where it began, its argument, and a float's value.
    private int headStart;
    private long argument;
    private double floatValue;

    public CborReader(byte[] in) {
        this(in, CborOptions.DEFAULT);
    }

    public CborReader(byte[] in, CborOptions options) {
        this(in, 0, in.length, options);
    }

    /** Reads the document in {@code in[offset, offset+length)}; error offsets count from {@code offset}. */
    public CborReader(byte[] in, int offset, int length, CborOptions options) {
        java.util.Objects.checkFromIndexSize(offset, length, in.length);
        this.in = in;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
        this.options = options;
    }

    /** What the next item is, without consuming it; malformed heads are reported here already. */
    public CborType peekType() {
        int saved = pos;
        CborType type = beginItem();
        pos = saved;
        return type;
    }

    /** A signed 64-bit integer. */
    public long readInt() {
        CborType type = beginItem();
        if (type != CborType.UNSIGNED_INTEGER && type != CborType.NEGATIVE_INTEGER) {
            throw mismatch("an integer", type);
        }
        if (argument < 0) {
            throw error(headStart, "integer " + describeInteger(type) + " does not fit a signed 64-bit integer");
        }
        frames.countItem();
        return type == CborType.UNSIGNED_INTEGER ? argument : ~argument;
    }

    /** An unsigned 64-bit integer (Go's uint64); values above Long.MAX_VALUE come back negative. */
    public long readUnsigned() {
        CborType type = beginItem();
        if (type != CborType.UNSIGNED_INTEGER) {
            throw mismatch(CborType.UNSIGNED_INTEGER.description(), type);
        }
        frames.countItem();
        return argument;
    }

    /** Any integer, -2^64 to 2^64 - 1. */
    public BigInteger readInteger() {
        CborType type = beginItem();
        if (type != CborType.UNSIGNED_INTEGER && type != CborType.NEGATIVE_INTEGER) {
            throw mismatch("an integer", type);
        }
        frames.countItem();
        BigInteger magnitude = new BigInteger(Long.toUnsignedString(argument));
        return type == CborType.UNSIGNED_INTEGER ? magnitude : magnitude.add(BigInteger.ONE).negate();
    }

    public byte[] readBytes() {
        CborType type = beginItem();
        if (type != CborType.BYTE_STRING) {
            throw mismatch(CborType.BYTE_STRING.description(), type);
        }
        int length = payloadLength("byte string");
        byte[] bytes = Arrays.copyOfRange(in, pos, pos + length);
        pos += length;
        frames.countItem();
        return bytes;
    }

    /**
     * A byte string turned into a domain value by {@code parse} (an address, a token amount, a
     * signature). The parser's {@link IllegalArgumentException} becomes a {@link CborException} at the
     * byte string's offset, so a codec reports every bad field the same way.
     */
    public <T> T readBytesAs(Function<byte[], T> parse) {
        frames.popComplete();
        int at = pos;
        byte[] bytes = readBytes();
        try {
            return parse.apply(bytes);
        } catch (IllegalArgumentException e) {
            throw new CborException(at - start, e.getMessage(), e);
        }
    }

    /** A text string; inside a map at a key's position, the key (its order is checked). */
    public String readText() {
        boolean key = atMapKey();
        CborType type = beginItem();
        if (type != CborType.TEXT_STRING) {
            throw mismatch(CborType.TEXT_STRING.description(), type);
        }
        int length = payloadLength("text string");
        String text = Utf8.decode(in, pos, length);
        if (text == null) {
            throw error(headStart, "text string is not valid UTF-8");
        }
        if (key) {
            checkKeyOrder(text, pos, length);
            frames.setPreviousKey(pos, length);
        }
        pos += length;
        frames.countItem();
        return text;
    }

    /** Starts an array and returns its length; that many items must be read next. */
    public int readArrayHeader() {
        CborType type = beginItem();
        if (type != CborType.ARRAY) {
            throw mismatch(CborType.ARRAY.description(), type);
        }
        if (Long.compareUnsigned(argument, end - pos) > 0) {
            throw error(headStart, "array declares " + Long.toUnsignedString(argument) + " items but only "
                    + (end - pos) + " bytes remain");
        }
        open((int) argument, false);
        return (int) argument;
    }

    /** Starts a map and returns its number of entries; key, value, key, value... must be read next. */
    public int readMapHeader() {
        CborType type = beginItem();
        if (type != CborType.MAP) {
            throw mismatch(CborType.MAP.description(), type);
        }
        if (Long.compareUnsigned(argument, (end - pos) / 2) > 0) {
            throw error(headStart, "map declares " + Long.toUnsignedString(argument) + " entries but only "
                    + (end - pos) + " bytes remain");
        }
        open((int) argument * 2, true);
        return (int) argument;
    }

    public boolean readBoolean() {
        CborType type = beginItem();
        if (type != CborType.BOOLEAN) {
            throw mismatch(CborType.BOOLEAN.description(), type);
        }
        frames.countItem();
        return argument == 21;
    }

    public void readNull() {
        CborType type = beginItem();
        if (type != CborType.NULL) {
            throw mismatch(CborType.NULL.description(), type);
        }
        frames.countItem();
    }

    /** Consumes a null and returns true, or returns false leaving a non-null item to be read. */
    public boolean tryReadNull() {
        if (peekType() != CborType.NULL) {
            return false;
        }
        readNull();
        return true;
    }

    public Cid readCid() {
        CborType type = beginItem();
        if (type != CborType.CID) {
            throw mismatch(CborType.CID.description(), type);
        }
        int contentStart = pos;
        if (pos >= end) {
            throw error(pos, "input ends after tag 42, which must hold a byte string");
        }
        CborType content = readHead();
        if (content != CborType.BYTE_STRING) {
            throw error(contentStart, "tag 42 must hold a byte string, found " + content.description());
        }
        int length = payloadLength("byte string");
        if (length == 0 || in[pos] != 0) {
            throw error(contentStart, length == 0 ? "tag 42 holds an empty byte string, expected 0x00 and a CID"
                    : String.format("tag 42 byte string starts with 0x%02x, not the 0x00 multibase-identity prefix",
                            in[pos] & 0xff));
        }
        Cid cid;
        try {
            cid = Cid.fromBytes(Arrays.copyOfRange(in, pos + 1, pos + length));
        } catch (FormatException e) {
            throw new CborException(contentStart - start, "tag 42 holds an invalid CID: " + e.getMessage(), e);
        }
        pos += length;
        frames.countItem();
        return cid;
    }

    /** A 64-bit float; only when the options allow floats. */
    public double readFloat64() {
        CborType type = beginItem();
        if (type != CborType.FLOAT) {
            throw mismatch(CborType.FLOAT.description(), type);
        }
        frames.countItem();
        return floatValue;
    }

    /** Reads and checks the next item, arrays and maps with everything in them, and drops it. */
    public void skip() {
        // Items still to read: this one, plus whatever each array or map read on the way declares.
        long pending = 1;
        while (pending > 0) {
            pending--;
            switch (peekType()) {
                case UNSIGNED_INTEGER, NEGATIVE_INTEGER -> readInteger();
                case BYTE_STRING -> readBytes();
                case TEXT_STRING -> readText();
                case ARRAY -> pending += readArrayHeader();
                case MAP -> pending += 2L * readMapHeader();
                case CID -> readCid();
                case BOOLEAN -> readBoolean();
                case NULL -> readNull();
                case FLOAT -> readFloat64();
            }
        }
    }

    /** Offset of the next byte to read, counted from the start of the document. */
    public int position() {
        return pos - start;
    }

    /** Checks that the document's one item was read completely and nothing follows it. */
    public void finish() {
        frames.popComplete();
        if (!frames.topLevelStarted()) {
            throw new IllegalStateException("nothing was read");
        }
        if (frames.depth() > 0) {
            throw new IllegalStateException("an array or map was left with unread items at byte " + position());
        }
        if (pos < end) {
            throw error(pos, (end - pos) + " trailing bytes after the top-level item");
        }
    }

    Frames frames() {
        return frames;
    }

    private boolean atMapKey() {
        frames.popComplete();
        return frames.atMapKey();
    }

    /** Parses the head of the next item after checking that one may come here. */
    private CborType beginItem() {
        frames.popComplete();
        frames.requireRoomBeforeFence();
        if (frames.depth() == 0 && frames.topLevelStarted()) {
            if (pos < end) {
                throw error(pos, (end - pos) + " trailing bytes after the top-level item");
            }
            throw new IllegalStateException("read past the document's single top-level item");
        }
        boolean key = frames.atMapKey();
        CborType type = readHead();
        if (key && type != CborType.TEXT_STRING) {
            throw error(headStart, "map key must be a text string, found " + type.description());
        }
        return type;
    }

    private void open(int items, boolean map) {
        frames.countItem();
        if (frames.depth() >= options.maxDepth()) {
            throw error(headStart, "arrays and maps nest deeper than " + options.maxDepth() + " levels");
        }
        frames.push(items, map);
    }

    private int payloadLength(String what) {
        if (Long.compareUnsigned(argument, end - pos) > 0) {
            throw error(headStart, what + " declares " + Long.toUnsignedString(argument) + " bytes but only "
                    + (end - pos) + " remain");
        }
        return (int) argument;
    }

    private void checkKeyOrder(String key, int offset, int length) {
        int previous = frames.previousKeyOffset();
        if (previous < 0) {
            return;
        }
        int order = Utf8.compareKeys(in, previous, frames.previousKeyLength(), in, offset, length);
        if (order == 0) {
            throw error(headStart, "duplicate map key " + FormatException.quote(key));
        }
        if (order > 0) {
            String before = Utf8.decode(in, previous, frames.previousKeyLength());
            throw error(headStart, "map key " + FormatException.quote(key) + " comes after "
                    + FormatException.quote(before) + ": dag-cbor orders keys by length, then bytewise");
        }
    }

    /** Parses one head at {@code pos}: the initial byte and its argument, checked for canonical form. */
    private CborType readHead() {
        headStart = pos;
        if (pos >= end) {
            throw error(pos, "unexpected end of input, expected a data item");
        }
        int initial = in[pos++] & 0xff;
        int major = initial >>> 5;
        int info = initial & 0x1f;
        if (major == 7) {
            return readSimple(info);
        }
        if (info < 24) {
            argument = info;
        } else if (info <= 27) {
            int size = 1 << (info - 24);
            argument = readBigEndian(size);
            long smallest = info == 24 ? 24 : 1L << (8 * (size / 2));
            if (Long.compareUnsigned(argument, smallest) < 0) {
                throw error(headStart, "value " + Long.toUnsignedString(argument) + " is written in " + size
                        + " bytes; dag-cbor requires the shortest form");
            }
        } else if (info == 31) {
            throw error(headStart, major >= 2 && major <= 5
                    ? "indefinite-length items are not allowed in dag-cbor"
                    : "additional information 31 is not valid for major type " + major);
        } else {
            throw error(headStart, "reserved additional information " + info);
        }
        return switch (major) {
            case 0 -> CborType.UNSIGNED_INTEGER;
            case 1 -> CborType.NEGATIVE_INTEGER;
            case 2 -> CborType.BYTE_STRING;
            case 3 -> CborType.TEXT_STRING;
            case 4 -> CborType.ARRAY;
            case 5 -> CborType.MAP;
            default -> {
                if (argument != CborWriter.CID_TAG) {
                    throw error(headStart, "tag " + Long.toUnsignedString(argument)
                            + " is not allowed in dag-cbor (only tag 42, a CID)");
                }
                yield CborType.CID;
            }
        };
    }

    private CborType readSimple(int info) {
        switch (info) {
            case 20, 21 -> {
                argument = info;
                return CborType.BOOLEAN;
            }
            case 22 -> {
                return CborType.NULL;
            }
            case 23 -> throw error(headStart, "undefined is not allowed in dag-cbor");
            case 25, 26 -> throw error(headStart, "16- and 32-bit floats are not allowed in dag-cbor (floats are 64-bit)");
            case 27 -> {
                long bits = readBigEndian(8);
                if (!options.allowFloats()) {
                    throw error(headStart, "floats are not allowed here (CborOptions.withFloats enables them)");
                }
                floatValue = Double.longBitsToDouble(bits);
                if (Double.isNaN(floatValue) || Double.isInfinite(floatValue)) {
                    throw error(headStart, "NaN and infinities are not allowed in dag-cbor");
                }
                return CborType.FLOAT;
            }
            case 28, 29, 30 -> throw error(headStart, "reserved additional information " + info);
            case 31 -> throw error(headStart, "unexpected break code; indefinite lengths are not allowed in dag-cbor");
            default -> throw error(headStart, "simple values other than false, true and null are not allowed in dag-cbor");
        }
    }

    private long readBigEndian(int size) {
        if (end - pos < size) {
            throw error(headStart, "input ends inside a head that needs " + size + " more bytes, " + (end - pos)
                    + " remain");
        }
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (in[pos++] & 0xff);
        }
        return value;
    }

    private String describeInteger(CborType type) {
        BigInteger magnitude = new BigInteger(Long.toUnsignedString(argument));
        return (type == CborType.UNSIGNED_INTEGER ? magnitude : magnitude.add(BigInteger.ONE).negate()).toString();
    }

    private CborException mismatch(String expected, CborType found) {
        return error(headStart, "expected " + expected + ", found " + found.description());
    }

    private CborException error(int absoluteOffset, String reason) {
        return new CborException(absoluteOffset - start, reason);
    }
}

package dev.granary.car;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import dev.granary.car.CarException.Kind;
import dev.granary.cbor.CborException;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.FormatException;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;

/**
 * Reads a CAR strictly and in bounded memory: the header, then one verified block per {@link #next()}.
 *
 * <p>Every block's data is hashed and compared with its CID (sha2-256 and blake2b-256; identity CIDs
 * must carry the data itself); any other hash function is refused, since an unchecked block would make
 * the whole file untrustworthy. A declared length is compared with {@code maxBlockSize} before any
 * buffer is allocated, so a hostile file costs at most one block's worth of memory.
 *
 * <p>A CARv2 file is read by skipping its 40-byte header and whatever padding follows to the inner
 * CARv1 payload, which must end exactly at the declared data size; the index after it is ignored.
 */
public final class CarReader {

    public static final int DEFAULT_MAX_BLOCK_SIZE = 2 << 20;

    /** Room for the CID in front of a maximal block: version, codec, hash code, length, 64-byte digest. */
    private static final int MAX_CID_BYTES = 128;
    private static final int V2_PRAGMA_LENGTH = 11;
    private static final int V2_HEADER_LENGTH = 40;
    private static final int V2_CHARACTERISTICS_LENGTH = 16;

    private final CarInput in;
    private final int maxBlockSize;
    private final CarHeader header;
    /** Where the payload ends: the v2 data end, or Long.MAX_VALUE for a v1 file read to its end. */
    private final long payloadEnd;

    private CarReader(CarInput in, int maxBlockSize, CarHeader header, long payloadEnd) {
        this.in = in;
        this.maxBlockSize = maxBlockSize;
        this.header = header;
        this.payloadEnd = payloadEnd;
    }

    public static CarReader open(InputStream stream) {
        return open(stream, DEFAULT_MAX_BLOCK_SIZE);
    }

    /** Reads the header (and a CARv2 wrapper) now; blocks follow with {@link #next()}. */
    public static CarReader open(InputStream stream, int maxBlockSize) {
        if (maxBlockSize < 1) {
            throw new IllegalArgumentException("maxBlockSize must be positive, got " + maxBlockSize);
        }
        CarInput in = new CarInput(stream);
        CarHeader.Fields first = readHeader(in, maxBlockSize, 0);
        if (first.version() == 1) {
            return new CarReader(in, maxBlockSize, new CarHeader(requireRoots(first, 0), 1), Long.MAX_VALUE);
        }
        if (first.version() != 2 || first.roots() != null || in.position() != V2_PRAGMA_LENGTH) {
            throw new CarException(Kind.BAD_HEADER, 0, "CAR version " + first.version()
                    + " is not supported (expected a CARv1 header or the CARv2 pragma)");
        }
        return openV2Payload(in, maxBlockSize);
    }

    public CarHeader header() {
        return header;
    }

    /** The next verified block, or null after the last one. */
    public CarBlock next() {
        long start = in.position();
        if (start == payloadEnd) {
            return null;
        }
        int first = in.readByteOrEnd();
        if (first < 0) {
            if (payloadEnd != Long.MAX_VALUE) {
                throw new CarException(Kind.TRUNCATED, start, "CARv2 data payload ends before its declared end at byte "
                        + payloadEnd);
            }
            return null;
        }
        long length = in.readVarint(first, start, "section");
        checkSectionLength(length, start);
        byte[] section = in.readExactly((int) length, start, "section");
        if (in.position() > payloadEnd) {
            throw new CarException(Kind.BAD_SECTION, start, "section runs past the CARv2 data end at byte " + payloadEnd);
        }
        return verifiedBlock(section, start);
    }

    private void checkSectionLength(long length, long start) {
        if (length == 0) {
            throw new CarException(Kind.BAD_SECTION, start, "section has length 0, too short for a CID");
        }
        if (length > (long) maxBlockSize + MAX_CID_BYTES) {
            throw new CarException(Kind.TOO_LARGE, start, "section declares " + length
                    + " bytes, more than the maximum block size " + maxBlockSize + " plus a CID");
        }
    }

    private CarBlock verifiedBlock(byte[] section, long start) {
        Cid.Decoded decoded;
        try {
            decoded = Cid.decode(section, 0);
        } catch (FormatException e) {
            throw new CarException(Kind.BAD_SECTION, start, "section's CID is malformed: " + e.getMessage(), e);
        }
        byte[] data = Arrays.copyOfRange(section, decoded.length(), section.length);
        if (data.length > maxBlockSize) {
            throw new CarException(Kind.TOO_LARGE, start, "block of " + data.length
                    + " bytes is larger than the maximum block size " + maxBlockSize);
        }
        verify(decoded.cid(), data, start);
        return new CarBlock(decoded.cid(), data, start);
    }

    /** Hashes the data with the CID's function and compares; public so importers of other sources can check. */
    public static void verify(Cid cid, byte[] data, long offset) {
        Multihash expected = cid.multihash();
        long code = expected.code();
        boolean supported = code == Multicodec.SHA2_256.code() || code == Multicodec.BLAKE2B_256.code()
                || code == Multicodec.IDENTITY.code();
        if (!supported) {
            throw new CarException(Kind.UNSUPPORTED_HASH, offset, "block " + cid + " uses hash "
                    + Multicodec.describe(code) + "; only sha2-256, blake2b-256 and identity can be verified");
        }
        if (!Multihash.sum(code, data).equals(expected)) {
            throw new CarException(Kind.CID_MISMATCH, offset, "block data does not hash to its CID " + cid);
        }
    }

    private static CarHeader.Fields readHeader(CarInput in, int maxBlockSize, long start) {
        int first = in.readByteOrEnd();
        if (first < 0) {
            throw new CarException(Kind.TRUNCATED, start, "stream is empty, expected a CAR header");
        }
        long length = in.readVarint(first, start, "header");
        if (length == 0 || length > maxBlockSize) {
            throw new CarException(length == 0 ? Kind.BAD_HEADER : Kind.TOO_LARGE, start, "header declares "
                    + length + " bytes (must be 1.." + maxBlockSize + ")");
        }
        long bodyStart = in.position();
        byte[] body = in.readExactly((int) length, start, "header");
        try {
            return CarHeader.FIELDS.decode(body);
        } catch (CborException e) {
            throw new CarException(Kind.BAD_HEADER, bodyStart + e.offset(), "header: " + e.reason(), e);
        } catch (IllegalStateException | FormatException e) {
            throw new CarException(Kind.BAD_HEADER, bodyStart, "header: " + e.getMessage(), e);
        }
    }

    private static List<Cid> requireRoots(CarHeader.Fields fields, long start) {
        if (fields.roots() == null) {
            throw new CarException(Kind.BAD_HEADER, start, "CARv1 header has no roots");
        }
        return fields.roots();
    }

    private static CarReader openV2Payload(CarInput in, int maxBlockSize) {
        byte[] v2 = in.readExactly(V2_HEADER_LENGTH, V2_PRAGMA_LENGTH, "CARv2 header");
        ByteBuffer fields = ByteBuffer.wrap(v2, V2_CHARACTERISTICS_LENGTH, 24).order(ByteOrder.LITTLE_ENDIAN);
        long dataOffset = fields.getLong();
        long dataSize = fields.getLong();
        long headersEnd = V2_PRAGMA_LENGTH + V2_HEADER_LENGTH;
        if (dataOffset < headersEnd || dataSize < 0 || dataOffset + dataSize < dataOffset) {
            throw new CarException(Kind.BAD_HEADER, V2_PRAGMA_LENGTH, "CARv2 data offset " + dataOffset
                    + " and size " + dataSize + " are not a range after the " + headersEnd + "-byte headers");
        }
        in.skipExactly(dataOffset - headersEnd, "CARv2 padding");
        long payloadEnd = dataOffset + dataSize;
        CarHeader.Fields inner = readHeader(in, maxBlockSize, dataOffset);
        if (inner.version() != 1 || in.position() > payloadEnd) {
            throw new CarException(Kind.BAD_HEADER, dataOffset, "CARv2 payload must start with a CARv1 header "
                    + "inside its declared size, found version " + inner.version());
        }
        return new CarReader(in, maxBlockSize, new CarHeader(requireRoots(inner, dataOffset), 2), payloadEnd);
    }
}

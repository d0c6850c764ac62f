package dev.granary.piece;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;

import dev.granary.kernels.commp.CommP;
import dev.granary.kernels.commp.PieceSize;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;
import dev.granary.multiformats.Varint;

/**
 * Piece CIDs, the two ways Filecoin names a piece commitment.
 *
 * <ul>
 * <li>v1: codec fil-commitment-unsealed, multihash sha2-256-trunc254-padded over the 32-byte CommP.
 * It does not carry the piece size.</li>
 * <li>v2 (FRC-0069): codec raw, multihash fr32-sha256-trunc254-padbintree whose digest is
 * uvarint(padding) || height || CommP, where height = log2(padded size / 32) and padding is the
 * number of zero bytes the payload was padded with: padded size / 128 * 127 - payload size.</li>
 * </ul>
 */
public final class PieceCid {

    private static final int COMMP_SIZE = 32;
    private static final int MIN_HEIGHT = PieceSize.height(PieceSize.MIN_PADDED);
    /** Heights whose padded size still fits a signed 64-bit count. */
    private static final int MAX_HEIGHT = 57;

    /** What a v2 piece CID says: the commitment, the payload size and the padded size. */
    public record V2(byte[] commP, long payloadSize, long paddedSize) {

        public V2 {
            commP = commP.clone();
        }

        @Override
        public byte[] commP() {
            return commP.clone();
        }

        public int height() {
            return PieceSize.height(paddedSize);
        }

        public long padding() {
            return PieceSize.unpadded(paddedSize) - payloadSize;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof V2 v && v.payloadSize == payloadSize && v.paddedSize == paddedSize
                    && Arrays.equals(v.commP, commP);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(commP) * 31 + Long.hashCode(payloadSize) * 17 + Long.hashCode(paddedSize);
        }

        @Override
        public String toString() {
            return "PieceCid.V2[commP=" + HexFormat.of().formatHex(commP) + ", payloadSize=" + payloadSize
                    + ", paddedSize=" + paddedSize + "]";
        }
    }

    private PieceCid() {
    }

    public static Cid v1(byte[] commP) {
        requireCommP(commP);
        return Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED, Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, commP));
    }

    public static Cid v2(byte[] commP, long payloadSize, long paddedSize) {
        requireCommP(commP);
        PieceSize.requireValid(paddedSize, "piece CID v2");
        if (PieceSize.height(paddedSize) > MAX_HEIGHT) {
            throw new IllegalArgumentException("piece CID v2: padded size " + paddedSize + " is too large");
        }
        long capacity = PieceSize.unpadded(paddedSize);
        if (payloadSize < 0 || payloadSize > capacity) {
            throw new IllegalArgumentException("piece CID v2: payload of " + payloadSize + " bytes does not fit a "
                    + paddedSize + "-byte piece (at most " + capacity + ")");
        }
        ByteArrayOutputStream digest = new ByteArrayOutputStream(COMMP_SIZE + 10);
        Varint.write(capacity - payloadSize, digest);
        digest.write(PieceSize.height(paddedSize));
        digest.writeBytes(commP);
        return Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, digest.toByteArray()));
    }

    public static Cid v1(CommP.Result result) {
        return v1(result.commP());
    }

    public static Cid v2(CommP.Result result) {
        return v2(result.commP(), result.payloadSize(), result.paddedSize());
    }

    /** The CommP named by a v1 piece CID. */
    public static byte[] commPFromV1(Cid cid) {
        requireCodec(cid, Multicodec.FIL_COMMITMENT_UNSEALED, "v1");
        requireMultihash(cid, Multicodec.SHA2_256_TRUNC254_PADDED, "v1");
        byte[] digest = cid.multihash().digest();
        if (digest.length != COMMP_SIZE) {
            throw new IllegalArgumentException("not a piece CID v1: digest is " + digest.length + " bytes, expected 32");
        }
        return digest;
    }

    /** The commitment and sizes named by a v2 piece CID. */
    public static V2 fromV2(Cid cid) {
        requireCodec(cid, Multicodec.RAW, "v2");
        requireMultihash(cid, Multicodec.FR32_SHA256_TRUNC254_PADBINTREE, "v2");
        byte[] digest = cid.multihash().digest();
        Varint.Decoded padding;
        try {
            padding = Varint.decode(digest, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a piece CID v2: padding " + e.getMessage(), e);
        }
        int heightAt = padding.length();
        if (digest.length != heightAt + 1 + COMMP_SIZE) {
            throw new IllegalArgumentException("not a piece CID v2: digest is " + digest.length
                    + " bytes, expected padding, height and a 32-byte CommP");
        }
        int height = digest[heightAt] & 0xff;
        if (height < MIN_HEIGHT || height > MAX_HEIGHT) {
            throw new IllegalArgumentException("not a piece CID v2: height " + height + " is outside "
                    + MIN_HEIGHT + ".." + MAX_HEIGHT);
        }
        long paddedSize = PieceSize.bytesAtHeight(height);
        long capacity = PieceSize.unpadded(paddedSize);
        if (padding.value() > capacity) {
            throw new IllegalArgumentException("not a piece CID v2: padding of " + padding.value()
                    + " bytes exceeds the " + capacity + " bytes a height-" + height + " piece holds");
        }
        byte[] commP = Arrays.copyOfRange(digest, heightAt + 1, digest.length);
        return new V2(commP, capacity - padding.value(), paddedSize);
    }

    /** The CommP of either version. */
    public static byte[] commP(Cid cid) {
        return cid.codec() == Multicodec.RAW.code() ? fromV2(cid).commP() : commPFromV1(cid);
    }

    private static void requireCommP(byte[] commP) {
        if (commP.length != COMMP_SIZE) {
            throw new IllegalArgumentException("a CommP is 32 bytes, got " + commP.length);
        }
    }

    private static void requireCodec(Cid cid, Multicodec expected, String version) {
        if (cid.codec() != expected.code()) {
            throw new IllegalArgumentException("not a piece CID " + version + ": codec is "
                    + Multicodec.describe(cid.codec()) + ", expected " + Multicodec.describe(expected.code()));
        }
    }

    private static void requireMultihash(Cid cid, Multicodec expected, String version) {
        if (cid.multihash().code() != expected.code()) {
            throw new IllegalArgumentException("not a piece CID " + version + ": multihash is "
                    + Multicodec.describe(cid.multihash().code()) + ", expected " + Multicodec.describe(expected.code()));
        }
    }
}

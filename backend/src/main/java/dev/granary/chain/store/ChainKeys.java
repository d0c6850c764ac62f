package dev.granary.chain.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Key layout of the chain column family. Blocks are keyed by their CID's bytes, which start with
 * 0x01 (CIDv1) or 0x12 (CIDv0); the index and the head pointer use ASCII prefixes, which can never
 * be the first byte of a CID, so the three kinds of key never collide.
 */
final class ChainKeys {

    private static final byte[] HEIGHT_PREFIX = "idx/height/".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEAD = "meta/head".getBytes(StandardCharsets.US_ASCII);

    private ChainKeys() {
    }

    /** Prefix || height as 8 bytes big-endian: heights are non-negative, so byte order is height order. */
    static byte[] height(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("chain height must be non-negative, got " + height);
        }
        return ByteBuffer.allocate(HEIGHT_PREFIX.length + Long.BYTES).put(HEIGHT_PREFIX).putLong(height).array();
    }
}

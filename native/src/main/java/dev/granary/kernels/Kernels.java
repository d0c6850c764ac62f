package dev.granary.kernels;

import java.nio.ByteBuffer;

/**
 * The hashing and padding kernels behind piece commitments: SHA-256, the sha256-trunc254 node hash
 * (SHA-256 of two 32-byte children with the top two bits of the last byte cleared, so every node is
 * a BLS12-381 field element), Fr32 padding and binary Merkle roots.
 *
 * <p>Two implementations compute identical results: {@code native} (C with SHA-NI, through JNA) and
 * {@code java} (MessageDigest). Buffers are read from their position to their limit and written
 * from their position on; positions and limits are never changed. The native kernels only accept
 * direct buffers, so large data is never copied on its way into C. All methods are thread-safe.
 */
public interface Kernels {

    /** Bytes of one tree node (a leaf or a hash). */
    int NODE_SIZE = 32;
    /** Raw bytes that Fr32 padding turns into {@link #FR32_PADDED} bytes. */
    int FR32_RAW = 127;
    /** Four 32-byte field elements. */
    int FR32_PADDED = 128;

    /** "native" or "java". */
    String name();

    /** The name plus how it hashes, e.g. "native (sha-ni)", for health and benchmark output. */
    String detail();

    /** Whether SHA-256 runs on the CPU's SHA extensions. */
    boolean usesShaNi();

    /** SHA-256 of the remaining bytes of {@code data}. */
    byte[] sha256(ByteBuffer data);

    /**
     * SHA-256 of each consecutive {@code messageLength}-byte message in {@code messages}; the
     * 32-byte digests are written one after another into {@code digests}.
     */
    void sha256Batch(ByteBuffer messages, int messageLength, ByteBuffer digests);

    /** One parent per 64 bytes of {@code children} (left and right child), written to {@code parents}. */
    void hashNodes(ByteBuffer children, ByteBuffer parents);

    /** The parent of two 32-byte nodes. */
    byte[] hashPair(byte[] left, byte[] right);

    /** Fr32-pads {@code raw} (a multiple of 127 bytes) into 128 bytes per 127. */
    void fr32Pad(ByteBuffer raw, ByteBuffer padded);

    /** Inverse of {@link #fr32Pad}; the two top bits of every 32-byte element are ignored. */
    void fr32Unpad(ByteBuffer padded, ByteBuffer raw);

    /** Root of the binary tree over {@code padded}, whose size is a power of two of at least 64 bytes. */
    byte[] merkleRoot(ByteBuffer padded);

    /**
     * Root of the tree over the Fr32 padding of {@code raw}, whose size is 127 * 2^k bytes: the
     * commitment of one full subtree of a piece, without materialising the padded bytes.
     */
    byte[] padAndRoot(ByteBuffer raw);

    /**
     * The native kernels when the library loads, else (with a warning in the log) the Java ones.
     * The system property {@code granary.kernels} ({@code auto}, {@code native}, {@code java})
     * forces a choice; forcing native when it cannot load throws.
     */
    static Kernels best() {
        return KernelsLoader.best();
    }

    /** The pure-Java kernels, always available. */
    static Kernels java() {
        return JavaKernels.INSTANCE;
    }

    /** The native kernels; throws {@link IllegalStateException} saying why when they cannot load. */
    static Kernels nativeKernels() {
        return NativeKernels.load();
    }
}

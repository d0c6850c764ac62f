package dev.granary.kernels;

import java.nio.ByteBuffer;

/**
 * Checks the arguments of every kernel call in one place, so both implementations reject the same
 * inputs with the same messages, then hands over to the unchecked implementation.
 */
abstract class CheckedKernels implements Kernels {

    protected abstract byte[] sha256Unchecked(ByteBuffer data);

    protected abstract void sha256BatchUnchecked(ByteBuffer messages, int messageLength, int count, ByteBuffer digests);

    protected abstract void hashNodesUnchecked(ByteBuffer children, int count, ByteBuffer parents);

    protected abstract void fr32PadUnchecked(ByteBuffer raw, int quads, ByteBuffer padded);

    protected abstract void fr32UnpadUnchecked(ByteBuffer padded, int quads, ByteBuffer raw);

    protected abstract byte[] merkleRootUnchecked(ByteBuffer padded);

    protected abstract byte[] padAndRootUnchecked(ByteBuffer raw, int quads);

    /** Hook for implementations that can only read some kinds of buffers. */
    protected void requireUsable(ByteBuffer buffer, String role) {
    }

    @Override
    public final byte[] sha256(ByteBuffer data) {
        requireUsable(data, "data");
        return sha256Unchecked(data);
    }

    @Override
    public final void sha256Batch(ByteBuffer messages, int messageLength, ByteBuffer digests) {
        if (messageLength <= 0) {
            throw new IllegalArgumentException("message length must be positive, got " + messageLength);
        }
        int count = wholeUnits(messages, messageLength, "messages");
        requireSpace(digests, (long) count * NODE_SIZE, "digests");
        sha256BatchUnchecked(messages, messageLength, count, digests);
    }

    @Override
    public final void hashNodes(ByteBuffer children, ByteBuffer parents) {
        int count = wholeUnits(children, 2 * NODE_SIZE, "children");
        requireSpace(parents, (long) count * NODE_SIZE, "parents");
        hashNodesUnchecked(children, count, parents);
    }

    @Override
    public final byte[] hashPair(byte[] left, byte[] right) {
        if (left.length != NODE_SIZE || right.length != NODE_SIZE) {
            throw new IllegalArgumentException("nodes are " + NODE_SIZE + " bytes, got " + left.length
                    + " and " + right.length);
        }
        ByteBuffer children = ByteBuffer.allocate(2 * NODE_SIZE).put(left).put(right).flip();
        byte[] parent = new byte[NODE_SIZE];
        hashPairUnchecked(children, parent);
        return parent;
    }

    /** Default: through {@link #hashNodesUnchecked}; implementations may bypass buffers. */
    protected void hashPairUnchecked(ByteBuffer children, byte[] parent) {
        ByteBuffer out = ByteBuffer.wrap(parent);
        hashNodesUnchecked(children, 1, out);
    }

    @Override
    public final void fr32Pad(ByteBuffer raw, ByteBuffer padded) {
        int quads = wholeUnits(raw, FR32_RAW, "raw");
        requireSpace(padded, (long) quads * FR32_PADDED, "padded");
        fr32PadUnchecked(raw, quads, padded);
    }

    @Override
    public final void fr32Unpad(ByteBuffer padded, ByteBuffer raw) {
        int quads = wholeUnits(padded, FR32_PADDED, "padded");
        requireSpace(raw, (long) quads * FR32_RAW, "raw");
        fr32UnpadUnchecked(padded, quads, raw);
    }

    @Override
    public final byte[] merkleRoot(ByteBuffer padded) {
        requireUsable(padded, "padded");
        int size = padded.remaining();
        if (size < 2 * NODE_SIZE || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("a Merkle tree needs a power of two of at least 64 bytes, got " + size);
        }
        return merkleRootUnchecked(padded);
    }

    @Override
    public final byte[] padAndRoot(ByteBuffer raw) {
        int quads = wholeUnits(raw, FR32_RAW, "raw");
        if (Integer.bitCount(quads) != 1) {
            throw new IllegalArgumentException("a padded subtree needs 127 * 2^k raw bytes, got " + raw.remaining());
        }
        return padAndRootUnchecked(raw, quads);
    }

    private int wholeUnits(ByteBuffer buffer, int unit, String role) {
        requireUsable(buffer, role);
        int size = buffer.remaining();
        if (size % unit != 0) {
            throw new IllegalArgumentException(role + " must be a multiple of " + unit + " bytes, got " + size);
        }
        return size / unit;
    }

    private void requireSpace(ByteBuffer buffer, long needed, String role) {
        requireUsable(buffer, role);
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException(role + " buffer is read-only");
        }
        if (buffer.remaining() < needed) {
            throw new IllegalArgumentException(role + " needs " + needed + " bytes of room, has " + buffer.remaining());
        }
    }
}

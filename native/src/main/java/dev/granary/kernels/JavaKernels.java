package dev.granary.kernels;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Pure-Java twin of the native kernels, on {@link MessageDigest}. Used when libgranary cannot be
 * loaded and as the reference the native results are checked against. Works on heap and direct
 * buffers; data is processed through bounded per-thread scratch arrays.
 */
final class JavaKernels extends CheckedKernels {

    static final JavaKernels INSTANCE = new JavaKernels();

    /** Padded bytes reduced per step, like merkle.c; a power of two. */
    private static final int UNIT_PADDED = 16 * 1024;
    private static final int UNIT_QUADS = UNIT_PADDED / FR32_PADDED;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(JavaKernels::newSha256);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final byte[] raw = new byte[UNIT_QUADS * FR32_RAW];
        final byte[] padded = new byte[UNIT_PADDED];
    }

    private JavaKernels() {
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no SHA-256", e);
        }
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String detail() {
        return "java (MessageDigest)";
    }

    @Override
    public boolean usesShaNi() {
        // HotSpot may use the SHA extensions inside MessageDigest; that is not ours to report.
        return false;
    }

    @Override
    protected byte[] sha256Unchecked(ByteBuffer data) {
        MessageDigest md = SHA256.get();
        md.update(data.duplicate());
        return md.digest();
    }

    @Override
    protected void sha256BatchUnchecked(ByteBuffer messages, int messageLength, int count, ByteBuffer digests) {
        MessageDigest md = SHA256.get();
        int in = messages.position();
        int out = digests.position();
        for (int i = 0; i < count; i++) {
            md.update(messages.slice(in + i * messageLength, messageLength));
            digests.put(out + i * NODE_SIZE, md.digest());
        }
    }

    @Override
    protected void hashNodesUnchecked(ByteBuffer children, int count, ByteBuffer parents) {
        byte[] buf = SCRATCH.get().padded;
        int perStep = buf.length / (2 * NODE_SIZE);
        int in = children.position();
        int out = parents.position();
        for (int done = 0; done < count; done += perStep) {
            int n = Math.min(perStep, count - done);
            children.get(in + done * 2 * NODE_SIZE, buf, 0, n * 2 * NODE_SIZE);
            hashNodesInPlace(buf, n);
            parents.put(out + done * NODE_SIZE, buf, 0, n * NODE_SIZE);
        }
    }

    @Override
    protected void hashPairUnchecked(ByteBuffer children, byte[] parent) {
        byte[] buf = new byte[2 * NODE_SIZE];
        children.get(children.position(), buf);
        hashNodesInPlace(buf, 1);
        System.arraycopy(buf, 0, parent, 0, NODE_SIZE);
    }

    @Override
    protected void fr32PadUnchecked(ByteBuffer raw, int quads, ByteBuffer padded) {
        Scratch s = SCRATCH.get();
        int in = raw.position();
        int out = padded.position();
        for (int done = 0; done < quads; done += UNIT_QUADS) {
            int n = Math.min(UNIT_QUADS, quads - done);
            raw.get(in + done * FR32_RAW, s.raw, 0, n * FR32_RAW);
            padQuads(s, n);
            padded.put(out + done * FR32_PADDED, s.padded, 0, n * FR32_PADDED);
        }
    }

    @Override
    protected void fr32UnpadUnchecked(ByteBuffer padded, int quads, ByteBuffer raw) {
        Scratch s = SCRATCH.get();
        int in = padded.position();
        int out = raw.position();
        for (int done = 0; done < quads; done += UNIT_QUADS) {
            int n = Math.min(UNIT_QUADS, quads - done);
            padded.get(in + done * FR32_PADDED, s.padded, 0, n * FR32_PADDED);
            for (int q = 0; q < n; q++) {
                JavaFr32.unpadQuad(s.padded, q * FR32_PADDED, s.raw, q * FR32_RAW);
            }
            raw.put(out + done * FR32_RAW, s.raw, 0, n * FR32_RAW);
        }
    }

    @Override
    protected byte[] merkleRootUnchecked(ByteBuffer padded) {
        byte[] buf = SCRATCH.get().padded;
        int size = padded.remaining();
        int unit = Math.min(size, UNIT_PADDED);
        RootCounter counter = new RootCounter();
        for (int off = 0; off < size; off += unit) {
            padded.get(padded.position() + off, buf, 0, unit);
            counter.push(heightOf(unit), reduce(buf, unit));
        }
        return counter.root(heightOf(size));
    }

    @Override
    protected byte[] padAndRootUnchecked(ByteBuffer raw, int quads) {
        Scratch s = SCRATCH.get();
        int unit = Math.min(quads, UNIT_QUADS);
        RootCounter counter = new RootCounter();
        for (int done = 0; done < quads; done += unit) {
            raw.get(raw.position() + done * FR32_RAW, s.raw, 0, unit * FR32_RAW);
            padQuads(s, unit);
            counter.push(heightOf(unit * FR32_PADDED), reduce(s.padded, unit * FR32_PADDED));
        }
        return counter.root(heightOf((long) quads * FR32_PADDED));
    }

    private static void padQuads(Scratch s, int quads) {
        for (int q = 0; q < quads; q++) {
            JavaFr32.padQuad(s.raw, q * FR32_RAW, s.padded, q * FR32_PADDED);
        }
    }

    /** Reduces {@code size} bytes of nodes at the start of {@code buf} to their root, in place. */
    private static byte[] reduce(byte[] buf, int size) {
        for (int n = size; n > NODE_SIZE; n /= 2) {
            hashNodesInPlace(buf, n / (2 * NODE_SIZE));
        }
        return Arrays.copyOf(buf, NODE_SIZE);
    }

    /** Parent i of children at 64i lands at 32i, at or before any child still to be read. */
    private static void hashNodesInPlace(byte[] buf, int count) {
        MessageDigest md = SHA256.get();
        try {
            for (int i = 0; i < count; i++) {
                md.update(buf, 2 * NODE_SIZE * i, 2 * NODE_SIZE);
                md.digest(buf, NODE_SIZE * i, NODE_SIZE);
                buf[NODE_SIZE * i + NODE_SIZE - 1] &= 0x3f;
            }
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 digest into a 32-byte slot failed", e);
        }
    }

    private static int heightOf(long bytes) {
        return Long.numberOfTrailingZeros(bytes / NODE_SIZE);
    }

    /** In-order merging of equal-height subtree roots (a binary counter), as in merkle.c. */
    private static final class RootCounter {
        private final byte[][] pending = new byte[64][];

        void push(int height, byte[] root) {
            byte[] node = root;
            int h = height;
            while (pending[h] != null) {
                byte[] pair = new byte[2 * NODE_SIZE];
                System.arraycopy(pending[h], 0, pair, 0, NODE_SIZE);
                System.arraycopy(node, 0, pair, NODE_SIZE, NODE_SIZE);
                hashNodesInPlace(pair, 1);
                node = Arrays.copyOf(pair, NODE_SIZE);
                pending[h++] = null;
            }
            pending[h] = node;
        }

        byte[] root(int height) {
            return pending[height];
        }
    }
}

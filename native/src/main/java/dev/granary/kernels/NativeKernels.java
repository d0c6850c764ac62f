package dev.granary.kernels;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;

import com.sun.jna.Pointer;

/**
 * The C kernels of libgranary.so, bound with JNA direct mapping (the cheapest JNA call path). Only
 * direct buffers are accepted: their memory is handed to C as is.
 */
final class NativeKernels extends CheckedKernels {


    /** Direct-mapped functions; the class initialiser fails when the library cannot be loaded. */
    private static final class Lib {
        static {
            NativeLibrary.register(Lib.class);
        }

        static native int granary_sha_ni();

        static native int granary_use_sha_ni(int enabled);

        static native void granary_sha256(Pointer data, long len, Pointer digest);

        static native void granary_sha256_batch(Pointer data, long messageLen, long count, Pointer digests);

        static native void granary_hash_nodes(Pointer children, Pointer parents, long count);

        static native void granary_fr32_pad(Pointer raw, Pointer padded, long quads);

        static native void granary_fr32_unpad(Pointer padded, Pointer raw, long quads);

        static native int granary_merkle_root(Pointer padded, long len, Pointer root);

        static native int granary_pad_root(Pointer raw, long quads, Pointer root);
    }

    private static final class Holder {
        static final NativeLibrary.Loaded<NativeKernels> LOADED =
                NativeLibrary.load(Lib.class, NativeKernels::new, "native kernels");
    }

    /** Small per-thread scratch for calls whose arguments are Java arrays. */
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(4 * NODE_SIZE));

    private NativeKernels() {
    }

    static NativeKernels load() {
        return Holder.LOADED.require();
    }

    /**
     * Switches the SHA-NI code paths off or back on for the whole process; tests use it to cover
     * the portable C path. Returns whether SHA-NI is in use afterwards.
     */
    static boolean useShaNi(boolean enabled) {
        load();
        return Lib.granary_use_sha_ni(enabled ? 1 : 0) != 0;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String detail() {
        return usesShaNi() ? "native (sha-ni)" : "native (portable C)";
    }

    @Override
    public boolean usesShaNi() {
        return Lib.granary_sha_ni() != 0;
    }

    @Override
    protected void requireUsable(ByteBuffer buffer, String role) {
        NativeLibrary.requireDirect(buffer, role);
    }

    private static Pointer at(ByteBuffer buffer) {
        return NativeLibrary.pointerAt(buffer);
    }

    @Override
    protected byte[] sha256Unchecked(ByteBuffer data) {
        ByteBuffer out = SCRATCH.get();
        Lib.granary_sha256(at(data), data.remaining(), at(out.clear()));
        Reference.reachabilityFence(data);
        return take(out, NODE_SIZE);
    }

    @Override
    protected void sha256BatchUnchecked(ByteBuffer messages, int messageLength, int count, ByteBuffer digests) {
        Lib.granary_sha256_batch(at(messages), messageLength, count, at(digests));
        Reference.reachabilityFence(messages);
        Reference.reachabilityFence(digests);
    }

    @Override
    protected void hashNodesUnchecked(ByteBuffer children, int count, ByteBuffer parents) {
        Lib.granary_hash_nodes(at(children), at(parents), count);
        Reference.reachabilityFence(children);
        Reference.reachabilityFence(parents);
    }

    @Override
    protected void hashPairUnchecked(ByteBuffer children, byte[] parent) {
        ByteBuffer scratch = SCRATCH.get().clear();
        scratch.put(0, children, children.position(), 2 * NODE_SIZE);
        Pointer base = at(scratch);
        Lib.granary_hash_nodes(base, base.share(2 * NODE_SIZE), 1);
        scratch.get(2 * NODE_SIZE, parent);
    }

    @Override
    protected void fr32PadUnchecked(ByteBuffer raw, int quads, ByteBuffer padded) {
        Lib.granary_fr32_pad(at(raw), at(padded), quads);
        Reference.reachabilityFence(raw);
        Reference.reachabilityFence(padded);
    }

    @Override
    protected void fr32UnpadUnchecked(ByteBuffer padded, int quads, ByteBuffer raw) {
        Lib.granary_fr32_unpad(at(padded), at(raw), quads);
        Reference.reachabilityFence(padded);
        Reference.reachabilityFence(raw);
    }

    @Override
    protected byte[] merkleRootUnchecked(ByteBuffer padded) {
        ByteBuffer out = SCRATCH.get();
        check(Lib.granary_merkle_root(at(padded), padded.remaining(), at(out.clear())), "merkle root");
        Reference.reachabilityFence(padded);
        return take(out, NODE_SIZE);
    }

    @Override
    protected byte[] padAndRootUnchecked(ByteBuffer raw, int quads) {
        ByteBuffer out = SCRATCH.get();
        check(Lib.granary_pad_root(at(raw), quads, at(out.clear())), "pad and root");
        Reference.reachabilityFence(raw);
        return take(out, NODE_SIZE);
    }

    private static byte[] take(ByteBuffer scratch, int length) {
        byte[] result = new byte[length];
        scratch.get(0, result);
        return result;
    }

    // The C side rejects only sizes CheckedKernels already refused, so this is a broken invariant.
    private static void check(int status, String operation) {
        if (status != 0) {
            throw new IllegalStateException("native " + operation + " rejected its arguments (status " + status + ")");
        }
    }
}

package dev.granary.kernels.fr;

import java.lang.ref.Reference;
import java.nio.ByteBuffer;

import com.sun.jna.Pointer;

import dev.granary.kernels.NativeLibrary;

/** fr.c of libgranary.so, bound with JNA direct mapping; direct buffers only. */
final class NativeFieldKernels extends CheckedFieldKernels {

    private static final int ENOTFIELD = -3;

    private static final class Lib {
        static {
            NativeLibrary.register(Lib.class);
        }

        static native int granary_fr_encode(Pointer data, Pointer key, Pointer out, long len, long[] badIndex);

        static native int granary_fr_decode(Pointer replica, Pointer key, Pointer out, long len, long[] badIndex);
    }

    private static final class Holder {
        static final NativeLibrary.Loaded<NativeFieldKernels> LOADED =
                NativeLibrary.load(Lib.class, NativeFieldKernels::new, "native field kernels");
    }

    private NativeFieldKernels() {
    }

    static NativeFieldKernels load() {
        return Holder.LOADED.require();
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    protected void requireUsable(ByteBuffer buffer, String role) {
        NativeLibrary.requireDirect(buffer, role);
    }

    private static Pointer at(ByteBuffer buffer) {
        return NativeLibrary.pointerAt(buffer);
    }

    @Override
    protected void applyUnchecked(Op op, ByteBuffer x, ByteBuffer key, ByteBuffer out, int count) {
        long[] bad = new long[1];
        long len = (long) count * ELEMENT_SIZE;
        int status = op == Op.ENCODE
                ? Lib.granary_fr_encode(at(x), at(key), at(out), len, bad)
                : Lib.granary_fr_decode(at(x), at(key), at(out), len, bad);
        Reference.reachabilityFence(x);
        Reference.reachabilityFence(key);
        Reference.reachabilityFence(out);
        if (status == ENOTFIELD) {
            throw new NotAFieldElementException(bad[0]);
        }
        if (status != 0) {
            // CheckedFieldKernels already refused every length the C side would, so this is a broken invariant.
            throw new IllegalStateException("native field " + op + " rejected its arguments (status " + status + ")");
        }
    }
}

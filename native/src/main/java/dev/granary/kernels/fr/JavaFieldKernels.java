package dev.granary.kernels.fr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Pure-Java twin of fr.c: the same four 64-bit limbs and the same reduction steps. */
final class JavaFieldKernels extends CheckedFieldKernels {

    static final JavaFieldKernels INSTANCE = new JavaFieldKernels();

    private static final long[] R = {0xffffffff00000001L, 0x53bda402fffe5bfeL, 0x3339d80809a1d805L,
            0x73eda753299d7d48L};

    private JavaFieldKernels() {
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    protected void applyUnchecked(Op op, ByteBuffer x, ByteBuffer key, ByteBuffer out, int count) {
        ByteBuffer xs = x.slice().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer ks = key.slice().order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer os = out.slice().order(ByteOrder.LITTLE_ENDIAN);
        long[] a = new long[4];
        long[] b = new long[4];
        for (int i = 0; i < count; i++) {
            load(xs, i, a);
            load(ks, i, b);
            if (!belowR(a) || !belowR(b)) {
                throw new NotAFieldElementException(i);
            }
            if (op == Op.ENCODE) {
                add(a, b);
            } else {
                sub(a, b);
            }
            for (int l = 0; l < 4; l++) {
                os.putLong(i * ELEMENT_SIZE + 8 * l, a[l]);
            }
        }
    }

    private static void load(ByteBuffer buf, int element, long[] limbs) {
        for (int l = 0; l < 4; l++) {
            limbs[l] = buf.getLong(element * ELEMENT_SIZE + 8 * l);
        }
    }

    static boolean belowR(long[] a) {
        for (int i = 3; i >= 0; i--) {
            if (a[i] != R[i]) {
                return Long.compareUnsigned(a[i], R[i]) < 0;
            }
        }
        return false;
    }

    /** Both operands are below r &lt; 2^255, so the sum fits in 256 bits; at most one subtraction of r. */
    private static void add(long[] a, long[] b) {
        addLimbs(a, b);
        if (!belowR(a)) {
            subLimbs(a, R);
        }
    }

    private static void sub(long[] a, long[] b) {
        if (subLimbs(a, b)) {
            addLimbs(a, R);
        }
    }

    private static void addLimbs(long[] a, long[] b) {
        long carry = 0;
        for (int i = 0; i < 4; i++) {
            long s = a[i] + b[i];
            long c1 = Long.compareUnsigned(s, a[i]) < 0 ? 1 : 0;
            long t = s + carry;
            long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
            a[i] = t;
            carry = c1 | c2;
        }
    }

    /** Returns whether the subtraction borrowed out of the top limb. */
    private static boolean subLimbs(long[] a, long[] b) {
        long borrow = 0;
        for (int i = 0; i < 4; i++) {
            long d = a[i] - b[i];
            long b1 = Long.compareUnsigned(a[i], b[i]) < 0 ? 1 : 0;
            long t = d - borrow;
            long b2 = Long.compareUnsigned(d, borrow) < 0 ? 1 : 0;
            a[i] = t;
            borrow = b1 | b2;
        }
        return borrow != 0;
    }
}

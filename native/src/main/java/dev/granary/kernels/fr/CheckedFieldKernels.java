package dev.granary.kernels.fr;

import java.nio.ByteBuffer;

/** Checks lengths once for both implementations, so they reject the same inputs with the same messages. */
abstract class CheckedFieldKernels implements FieldKernels {

    enum Op { ENCODE, DECODE }

    protected abstract void applyUnchecked(Op op, ByteBuffer x, ByteBuffer key, ByteBuffer out, int count);

    protected void requireUsable(ByteBuffer buffer, String role) {
    }

    @Override
    public final void encode(ByteBuffer data, ByteBuffer key, ByteBuffer out) {
        apply(Op.ENCODE, data, key, out, "data");
    }

    @Override
    public final void decode(ByteBuffer replica, ByteBuffer key, ByteBuffer out) {
        apply(Op.DECODE, replica, key, out, "replica");
    }

    private void apply(Op op, ByteBuffer x, ByteBuffer key, ByteBuffer out, String role) {
        requireUsable(x, role);
        requireUsable(key, "key");
        requireUsable(out, "out");
        int size = x.remaining();
        if (size % ELEMENT_SIZE != 0) {
            throw new IllegalArgumentException(role + " must be a multiple of " + ELEMENT_SIZE + " bytes, got " + size);
        }
        if (key.remaining() != size) {
            throw new IllegalArgumentException("key has " + key.remaining() + " bytes, " + role + " has " + size);
        }
        if (out.isReadOnly() || out.remaining() < size) {
            throw new IllegalArgumentException("out needs " + size + " writable bytes, has "
                    + (out.isReadOnly() ? "a read-only buffer" : out.remaining()));
        }
        applyUnchecked(op, x, key, out, size / ELEMENT_SIZE);
    }
}

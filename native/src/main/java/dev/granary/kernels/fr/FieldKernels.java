package dev.granary.kernels.fr;

import java.nio.ByteBuffer;

/**
 * Replica encoding in the BLS12-381 scalar field: every 32 bytes are one little-endian element
 * below r. Encoding adds the key (the last label layer) to the data node, decoding subtracts it,
 * as rust-fil-proofs' storage-proofs-porep encode.rs does.
 *
 * <p>Inputs must already be field elements: rust-fil-proofs converts each node with
 * {@code Fr::from_repr}, which rejects values at or above r. Fr32-padded data and labels have the
 * top two bits cleared, so they are below 2^254 &lt; r and always pass; a replica node may use the
 * full range below r. Buffers are read from position to limit and never moved. Two
 * implementations ({@code native}, {@code java}) give identical output.
 */
public interface FieldKernels {

    int ELEMENT_SIZE = 32;

    /** "native" or "java". */
    String name();

    /** {@code out[i] = data[i] + key[i] mod r}; {@code out} may be {@code data} itself. */
    void encode(ByteBuffer data, ByteBuffer key, ByteBuffer out);

    /** {@code out[i] = replica[i] - key[i] mod r}; {@code out} may be {@code replica} itself. */
    void decode(ByteBuffer replica, ByteBuffer key, ByteBuffer out);

    /** The native kernels when libgranary loads, else the Java ones ({@code granary.kernels=java} forces Java). */
    static FieldKernels best() {
        if ("java".equalsIgnoreCase(System.getProperty("granary.kernels", "auto").trim())) {
            return JavaFieldKernels.INSTANCE;
        }
        try {
            return NativeFieldKernels.load();
        } catch (IllegalStateException e) {
            return JavaFieldKernels.INSTANCE;
        }
    }

    static FieldKernels java() {
        return JavaFieldKernels.INSTANCE;
    }

    /** Throws {@link IllegalStateException} saying why when libgranary cannot load. */
    static FieldKernels nativeKernels() {
        return NativeFieldKernels.load();
    }
}

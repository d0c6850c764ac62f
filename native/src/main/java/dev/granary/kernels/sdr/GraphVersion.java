package dev.granary.kernels.sdr;

/**
 * The two ways rust-fil-proofs builds the same stacked-DRG graph, chosen by the registered seal
 * proof's API version (V1 proofs use {@link #V1_0}, V1_1 proofs use {@link #V1_1}).
 */
public enum GraphVersion {
    /**
     * ApiVersion 1.0.0: the immediate predecessor (node - 1) is the last of the six base parents,
     * and an expansion parent is the Feistel output truncated to 32 bits before dividing by the
     * expansion degree (which loses parents on graphs of more than 2^29 nodes).
     */
    V1_0,
    /**
     * ApiVersion 1.1.0 (and 1.2.0, which draws the same graph): the predecessor is the first base
     * parent and the Feistel output is divided in 64 bits.
     */
    V1_1;

    /** The value the C kernels take for this version. */
    int code() {
        return this == V1_0 ? 0 : 1;
    }
}

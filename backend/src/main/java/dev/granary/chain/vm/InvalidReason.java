package dev.granary.chain.vm;

/**
 * Why a message cannot be included at all. Such a message changes nothing and gets no receipt: the
 * block producer drops it (the message pool applies the same checks earlier). Each carries the exit
 * code Lotus' ApplyMessage would have given it, for callers that report one.
 */
public enum InvalidReason {
    /** Version, negative amounts, premium above fee cap, gas limit outside the block's. */
    MALFORMED(ExitCode.SYS_ERR_SENDER_INVALID),
    BAD_SIGNATURE(ExitCode.SYS_ERR_SENDER_INVALID),
    SENDER_UNKNOWN(ExitCode.SYS_ERR_SENDER_INVALID),
    SENDER_NOT_ACCOUNT(ExitCode.SYS_ERR_SENDER_INVALID),
    NONCE_MISMATCH(ExitCode.SYS_ERR_SENDER_STATE_INVALID),
    INSUFFICIENT_BALANCE(ExitCode.SYS_ERR_SENDER_STATE_INVALID),
    GAS_LIMIT_BELOW_ON_CHAIN_CHARGE(ExitCode.SYS_ERR_OUT_OF_GAS),
    /**
     * The same message (same unsigned CID, as Lotus dedups) was already applied by an earlier block of
     * the tipset; applying it again would fail its nonce check, hence that exit code.
     */
    DUPLICATE(ExitCode.SYS_ERR_SENDER_STATE_INVALID);

    private final ExitCode exitCode;

    InvalidReason(ExitCode exitCode) {
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}

package dev.granary.chain.vm;

/**
 * Filecoin's exit codes as go-state-types defines them (exitcode/reserved.go for the system codes 0–15,
 * exitcode/common.go for the common actor codes from 16). Receipts carry {@link #value()}.
 */
public enum ExitCode {
    OK(0),
    /** The sender is not in the state, or is not an account. */
    SYS_ERR_SENDER_INVALID(1),
    /** The sender's nonce does not match, or it cannot cover value plus gas. */
    SYS_ERR_SENDER_STATE_INVALID(2),
    /** Deprecated in go-state-types (now SysErrReserved1); builtin actors answer an unknown method with {@link #ERR_UNHANDLED_MESSAGE}. */
    SYS_ERR_INVALID_METHOD(3),
    SYS_ERR_ILLEGAL_INSTRUCTION(4),
    /** The receiver does not exist and cannot be created implicitly (only f1/f3 can). */
    SYS_ERR_INVALID_RECEIVER(5),
    /** An actor-to-actor send without the balance for its value. */
    SYS_ERR_INSUFFICIENT_FUNDS(6),
    SYS_ERR_OUT_OF_GAS(7),
    SYS_ERR_ILLEGAL_EXIT_CODE(9),
    SYS_ERR_FATAL(10),
    SYS_ERR_MISSING_RETURN(11),
    ERR_ILLEGAL_ARGUMENT(16),
    ERR_NOT_FOUND(17),
    ERR_FORBIDDEN(18),
    ERR_INSUFFICIENT_FUNDS(19),
    ERR_ILLEGAL_STATE(20),
    ERR_SERIALIZATION(21),
    ERR_UNHANDLED_MESSAGE(22),
    ERR_UNSPECIFIED(23),
    ERR_ASSERTION_FAILED(24),
    ERR_READ_ONLY(25),
    ERR_NOT_PAYABLE(26);

    /** Actors define their own codes from here (go-state-types FirstActorSpecificExitCode). */
    public static final int FIRST_ACTOR_SPECIFIC = 32;

    private final int value;

    ExitCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean isSuccess() {
        return this == OK;
    }
}

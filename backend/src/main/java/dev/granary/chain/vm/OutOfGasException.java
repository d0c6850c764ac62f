package dev.granary.chain.vm;

/**
 * A message used up its gas limit. Not an actor error: no call catches it, the whole message fails
 * with {@link ExitCode#SYS_ERR_OUT_OF_GAS} and is charged its whole limit.
 */
final class OutOfGasException extends RuntimeException {

    OutOfGasException(String message) {
        super(message, null, false, false);
    }
}

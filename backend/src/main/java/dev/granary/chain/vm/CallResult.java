package dev.granary.chain.vm;

import java.util.Objects;

/**
 * A read-only call's outcome, as Lotus' StateCall reports it: the receipt fields (exit code, return
 * value, gas used) and, when it failed, the error of the actor or check that refused it.
 */
public record CallResult(ExitCode exitCode, byte[] returnValue, long gasUsed, String error) {

    public CallResult {
        Objects.requireNonNull(exitCode, "exitCode");
        returnValue = returnValue == null ? new byte[0] : returnValue.clone();
    }

    @Override
    public byte[] returnValue() {
        return returnValue.clone();
    }

    public boolean isSuccess() {
        return exitCode.isSuccess();
    }
}

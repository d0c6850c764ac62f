package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.chain.vm.ExitCode;

/**
 * What an actor-to-actor send came back with: the callee's exit code, its return value (dag-cbor, or
 * null when the method returns nothing) and, on failure, the callee's error message.
 */
public record SendResult(ExitCode exitCode, byte[] returnValue, String error) {

    public SendResult {
        Objects.requireNonNull(exitCode, "exitCode");
        returnValue = returnValue == null ? null : returnValue.clone();
    }

    public static SendResult ok(byte[] returnValue) {
        return new SendResult(ExitCode.OK, returnValue, null);
    }

    public static SendResult failed(ExitCode exitCode, String error) {
        return new SendResult(exitCode, null, error);
    }

    public boolean isSuccess() {
        return exitCode.isSuccess();
    }

    @Override
    public byte[] returnValue() {
        return returnValue == null ? null : returnValue.clone();
    }

    /**
     * The return value of a successful send; a failed one becomes this caller's failure with the same
     * exit code (builtin-actors' extract_send_result), its message prefixed by {@code context}.
     */
    public byte[] orThrow(String context) {
        if (!isSuccess()) {
            throw new ActorException(exitCode, context + ": " + error);
        }
        return returnValue();
    }
}

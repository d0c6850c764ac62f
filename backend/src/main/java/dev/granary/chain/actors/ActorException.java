package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.chain.vm.ExitCode;

/**
 * An actor method refusing or failing: the call's state changes are dropped and its caller receives
 * {@link #exitCode()}. The message names the method and what was wrong, e.g. "ChangeWorkerAddress:
 * caller f0105 is not the owner f0104".
 */
public final class ActorException extends RuntimeException {

    private final ExitCode exitCode;

    public ActorException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
        if (exitCode.isSuccess()) {
            throw new IllegalArgumentException("an actor error needs a failure exit code: " + message);
        }
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static ActorException illegalArgument(String message) {
        return new ActorException(ExitCode.ERR_ILLEGAL_ARGUMENT, message);
    }

    public static ActorException notFound(String message) {
        return new ActorException(ExitCode.ERR_NOT_FOUND, message);
    }

    public static ActorException forbidden(String message) {
        return new ActorException(ExitCode.ERR_FORBIDDEN, message);
    }

    public static ActorException insufficientFunds(String message) {
        return new ActorException(ExitCode.ERR_INSUFFICIENT_FUNDS, message);
    }

    public static ActorException illegalState(String message) {
        return new ActorException(ExitCode.ERR_ILLEGAL_STATE, message);
    }

    public static ActorException serialization(String message) {
        return new ActorException(ExitCode.ERR_SERIALIZATION, message);
    }

    /** builtin-actors' answer to a method number the actor does not have: USR_UNHANDLED_MESSAGE (22). */
    public static ActorException unhandledMethod(BuiltinActor kind, long method) {
        return new ActorException(ExitCode.ERR_UNHANDLED_MESSAGE, kind.actorName() + " actor has no method "
                + Long.toUnsignedString(method));
    }
}

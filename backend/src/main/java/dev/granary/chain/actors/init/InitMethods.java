package dev.granary.chain.actors.init;

/** The init actor's method numbers (builtin-actors init). */
public final class InitMethods {

    public static final long CONSTRUCTOR = 1;
    /** Creates an actor: params {@link ExecParams}, returns {@link ExecReturn}. */
    public static final long EXEC = 2;

    private InitMethods() {
    }
}

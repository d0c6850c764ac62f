package dev.granary.chain.actors;

/** The methods of one kind of builtin actor. Implementations hold no state: everything goes through the runtime. */
public interface ActorCode {

    /** Method 0: a plain value transfer, which runs no actor code. */
    long METHOD_SEND = 0;
    /** Every actor's constructor (builtin-actors METHOD_CONSTRUCTOR). */
    long METHOD_CONSTRUCTOR = 1;

    /**
     * Runs {@code method} with the dag-cbor {@code params} (empty when none were sent) and returns the
     * dag-cbor return value, or null when the method returns nothing. Refusals are {@link ActorException}s.
     */
    byte[] invoke(ActorRuntime rt, long method, byte[] params);
}

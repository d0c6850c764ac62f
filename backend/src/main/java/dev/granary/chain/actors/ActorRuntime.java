package dev.granary.chain.actors;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.fil.TokenAmount;

/**
 * What an actor method sees of the VM: who called with how much, its own state, address resolution
 * and sends to other actors. Everything that costs gas is charged here; running out of gas ends the
 * whole message. Writes land in the call's own layer, kept only if the method returns normally.
 */
public interface ActorRuntime {

    /** The epoch the message or implicit call runs at. */
    long epoch();

    /** The ID address of the actor whose method runs. */
    Address receiver();

    /** The ID address of the immediate caller. */
    Address caller();

    /** What the caller sent with the call; already in {@link #currentBalance()}. */
    TokenAmount valueReceived();

    TokenAmount currentBalance();

    /** The policy genesis recorded in the state. */
    ChainPolicy policy();

    /**
     * Refuses the call with USR_FORBIDDEN unless the caller is one of {@code allowed}; the error reads
     * "{@code method}: caller f0105 is not {@code role} f0104".
     */
    void validateCallerIs(String method, String role, List<Address> allowed);

    /** Refuses the call with USR_FORBIDDEN unless the caller is an actor of one of {@code kinds}. */
    void validateCallerType(String method, BuiltinActor... kinds);

    /** This actor's state object (charged as an IPLD get). */
    <T> T state(CborCodec<T> codec);

    /** Replaces this actor's state object (charged as an IPLD put of its size). */
    <T> void saveState(CborCodec<T> codec, T state);

    /** A state-trie entry this actor keeps besides its state object, e.g. an escrow table row (charged as a get). */
    byte[] readEntry(byte[] key);

    /** Writes such an entry (charged as a put of its size). */
    void writeEntry(byte[] key, byte[] value);

    /** Deletes such an entry (charged as an empty put). */
    void deleteEntry(byte[] key);

    /** The ID of the actor at {@code address}; empty when no actor has it. */
    OptionalLong resolveAddress(Address address);

    /** The kind of actor {@code id}; empty when there is none or its code is not a builtin actor. */
    Optional<BuiltinActor> actorKind(long id);

    /**
     * Calls {@code method} of the actor at {@code to} with {@code value}; the callee's changes are kept
     * only if it succeeds. Failures come back as the result's exit code, except running out of gas.
     */
    SendResult send(Address to, long method, byte[] params, TokenAmount value);

    /** BLAKE2b-256 of {@code data}, charged as Lotus' hashing syscall. */
    byte[] hashBlake2b(byte[] data);

    /**
     * The next robust (f2) address for an actor created by this message: the hash of the message's
     * from address (dag-cbor), its nonce and the number of actors it has created so far.
     */
    Address newActorAddress();

    /** Creates actor {@code id} of {@code kind} with an empty state, for its constructor to fill (init actor only). */
    void createActor(long id, BuiltinActor kind);
}

package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.chain.state.StateSession;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;

/**
 * The actors of one state, read and written through a {@link StateSession} or a {@link StateAccess}
 * layered over one (a VM call's overlay): each actor's {@link ActorState} under its ID-address bytes, and
 * its state object under {@link StateKeys#head}.
 *
 * <p>State objects live in the trie, not as separate blocks named by their CID, because pruning and
 * snapshots follow only the trie: a block outside it would be dropped by the next prune and missing
 * from exports. The head CID is still the dag-cbor CID of the object, and reads check it, so an
 * actor's head commits to its state exactly as in Filecoin.
 */
public final class ActorTable {

    /** The state object of an actor not yet constructed: dag-cbor {@code []}. */
    private static final CborCodec<Boolean> EMPTY_STATE = CborCodec.tuple("EmptyState", 0, (v, w) -> { }, r -> Boolean.TRUE);

    private final StateAccess store;

    public ActorTable(StateSession session) {
        this(StateAccess.of(session));
    }

    public ActorTable(StateAccess store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The entries underneath, for the other tables actors keep in the trie (init's address map, escrow). */
    public StateAccess store() {
        return store;
    }

    /** The actor with this ID, or null if there is none. */
    public ActorState get(long id) {
        byte[] bytes = store.get(StateKeys.actor(id));
        return bytes == null ? null : ActorState.CODEC.decode(bytes);
    }

    public void put(long id, ActorState actor) {
        store.put(StateKeys.actor(id), ActorState.CODEC.encode(actor));
    }

    /** Creates a new actor with the given state object; refuses to overwrite an existing one. */
    public <T> ActorState create(long id, BuiltinActor kind, CborCodec<T> codec, T state, TokenAmount balance) {
        if (get(id) != null) {
            throw new IllegalStateException("actor f0" + Long.toUnsignedString(id)
                    + " already exists; pick a fresh ID from the init actor");
        }
        Cid head = writeHead(id, codec, state);
        ActorState actor = new ActorState(kind.code(), head, 0, balance);
        put(id, actor);
        return actor;
    }

    /** Stores the state object of actor {@code id} and returns its CID; the caller updates the actor's head. */
    private <T> Cid writeHead(long id, CborCodec<T> codec, T state) {
        return writeHeadBytes(id, codec.encode(state));
    }

    /** Stores already-encoded state object bytes of actor {@code id} and returns their CID. */
    private Cid writeHeadBytes(long id, byte[] bytes) {
        store.put(StateKeys.head(id), bytes);
        return headCid(bytes);
    }

    /**
     * Creates actor {@code id} of {@code kind} whose state object is the empty tuple, for its constructor
     * to replace (the init actor creates actors this way before calling their constructor).
     */
    public ActorState createEmpty(long id, BuiltinActor kind) {
        return create(id, kind, EMPTY_STATE, Boolean.TRUE, TokenAmount.ZERO);
    }

    /** Replaces the state object of an existing actor with already-encoded bytes and points its head at them. */
    public ActorState updateHeadBytes(long id, byte[] bytes) {
        ActorState actor = require(id);
        ActorState updated = actor.withHead(writeHeadBytes(id, bytes));
        put(id, updated);
        return updated;
    }

    /** Replaces the state object of an existing actor and points its head at it. */
    public <T> ActorState updateHead(long id, CborCodec<T> codec, T state) {
        ActorState actor = require(id);
        ActorState updated = actor.withHead(writeHead(id, codec, state));
        put(id, updated);
        return updated;
    }

    /** The state object of actor {@code id}, checked against its head CID. */
    public <T> T readHead(long id, CborCodec<T> codec) {
        ActorState actor = require(id);
        byte[] bytes = store.get(StateKeys.head(id));
        if (bytes == null) {
            throw new IllegalStateException("actor f0" + Long.toUnsignedString(id) + " has head " + actor.head()
                    + " but no state object is stored; the state is corrupt");
        }
        Cid stored = headCid(bytes);
        if (!stored.equals(actor.head())) {
            throw new IllegalStateException("actor f0" + Long.toUnsignedString(id) + " has head " + actor.head()
                    + " but its stored state object is " + stored + "; the state is corrupt");
        }
        return codec.decode(bytes);
    }

    /** The actor with this ID; an {@link IllegalStateException} naming it when absent. */
    public ActorState require(long id) {
        ActorState actor = get(id);
        if (actor == null) {
            throw new IllegalStateException("no actor f0" + Long.toUnsignedString(id) + " in this state");
        }
        return actor;
    }

    /** The dag-cbor CID of an encoded state object, or of another object linked by CID (a miner's info). */
    public static Cid headCid(byte[] bytes) {
        return Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, bytes);
    }
}

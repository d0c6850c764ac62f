package dev.granary.chain.actors;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.cbor.CborCodec;
import dev.granary.cbor.CborReader;
import dev.granary.fil.TokenAmount;

/**
 * The init actor (f01): hands out actor IDs and maps every other address of an actor to its ID.
 *
 * <p>The map is kept as entries of the state trie under {@link StateKeys#initAddress} (value: the ID
 * as a dag-cbor unsigned integer), not as a second trie under the init actor's head as Filecoin's HAMT
 * is: {@code TriePruner} and {@code ChainSnapshot} walk only the state trie, so nodes of a nested trie
 * would be pruned and left out of snapshots. The state root commits to the map all the same.
 */
public final class InitActor {

    /** The value of an address-map entry: the actor ID as a dag-cbor unsigned integer. */
    public static final CborCodec<Long> ID_VALUE = CborCodec.of((id, w) -> w.writeUnsigned(id), CborReader::readUnsigned);

    private final ActorTable actors;

    public InitActor(ActorTable actors) {
        this.actors = Objects.requireNonNull(actors, "actors");
    }

    /** Creates the init actor at genesis, with NextID at go-state-types' FirstNonSingletonActorId. */
    public static void install(ActorTable actors, String networkName) {
        actors.create(SingletonActors.INIT_ID, BuiltinActor.INIT, InitState.CODEC,
                new InitState(SingletonActors.FIRST_NON_SINGLETON_ID, networkName), TokenAmount.ZERO);
    }

    public InitState state() {
        return actors.readHead(SingletonActors.INIT_ID, InitState.CODEC);
    }

    /**
     * The ID of the actor at {@code address}: an ID address resolves to itself when that actor exists
     * (as Lotus' LookupID); any other address through the map. Empty when no actor has it.
     */
    public OptionalLong lookupId(Address address) {
        if (address.protocol() == Protocol.ID) {
            return actors.get(address.id()) == null ? OptionalLong.empty() : OptionalLong.of(address.id());
        }
        byte[] value = actors.store().get(StateKeys.initAddress(address));
        return value == null ? OptionalLong.empty() : OptionalLong.of(ID_VALUE.decode(value));
    }

    /**
     * Lotus' ResolveToKeyAddr: the public-key (f1/f3) address of the account actor at {@code address};
     * a key address is its own key even before it has an actor. Empty when no actor has the address or
     * it is not an account.
     */
    public Optional<Address> accountKey(Address address) {
        if (isAccountKeyAddress(address)) {
            return Optional.of(address);
        }
        OptionalLong id = lookupId(address);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ActorState actor = actors.get(id.getAsLong());
        if (actor == null || !actor.isAccount()) {
            return Optional.empty();
        }
        return Optional.of(actors.readHead(id.getAsLong(), AccountState.CODEC).address());
    }

    /**
     * Gives {@code address} the next free ID and records the mapping. Filecoin's MapAddressToNewID;
     * the caller creates the actor under the returned ID.
     */
    private long mapAddressToNewId(Address address) {
        if (address.protocol() == Protocol.ID) {
            throw new IllegalArgumentException("cannot map ID address " + address + " to another ID");
        }
        if (lookupId(address).isPresent()) {
            throw new IllegalStateException(address + " is already mapped to f0"
                    + Long.toUnsignedString(lookupId(address).getAsLong()) + "; look it up instead");
        }
        InitState state = state();
        long id = state.nextId();
        actors.store().put(StateKeys.initAddress(address), ID_VALUE.encode(id));
        actors.updateHead(SingletonActors.INIT_ID, InitState.CODEC, state.withNextId(id + 1));
        return id;
    }

    /**
     * Creates the account actor of a public-key (f1 or f3) address with a zero balance and returns its
     * ID; the address' existing ID if it already has one. Filecoin creates accounts this way when an
     * unknown key address first receives funds.
     */
    public long registerAccount(Address pubkeyAddress) {
        if (!isAccountKeyAddress(pubkeyAddress)) {
            throw new IllegalArgumentException("only f1 (secp256k1) and f3 (BLS) addresses get account actors on receipt of funds, not "
                    + pubkeyAddress);
        }
        OptionalLong existing = lookupId(pubkeyAddress);
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        long id = mapAddressToNewId(pubkeyAddress);
        actors.create(id, BuiltinActor.ACCOUNT, AccountState.CODEC, new AccountState(pubkeyAddress), TokenAmount.ZERO);
        return id;
    }

    public static boolean isAccountKeyAddress(Address address) {
        return address.protocol() == Protocol.SECP256K1 || address.protocol() == Protocol.BLS;
    }
}

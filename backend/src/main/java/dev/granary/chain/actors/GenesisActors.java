package dev.granary.chain.actors;

import java.util.Map;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.chain.state.StateSession;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * The genesis state's actors: system (f00), init (f01), burnt funds (f099, an account actor whose
 * address is itself, as in Lotus' genesis) and one account per initial allocation. Reward, power and
 * market actors join when they are implemented.
 */
public final class GenesisActors {

    private GenesisActors() {
    }

    /**
     * Writes the genesis state and returns its root. {@code allocations} must iterate in a fixed order
     * (e.g. a LinkedHashMap from the config): the order decides the accounts' IDs, and so the root.
     */
    public static Cid create(KvStore kv, String networkName, Map<Address, TokenAmount> allocations) {
        Objects.requireNonNull(networkName, "networkName");
        StateSession session = StateSession.empty(kv);
        ActorTable actors = new ActorTable(session);
        actors.create(SingletonActors.SYSTEM_ID, BuiltinActor.SYSTEM, SystemState.CODEC, new SystemState(), TokenAmount.ZERO);
        InitActor.install(actors, networkName);
        actors.create(SingletonActors.BURNT_FUNDS_ID, BuiltinActor.ACCOUNT, AccountState.CODEC,
                new AccountState(SingletonActors.BURNT_FUNDS), TokenAmount.ZERO);
        InitActor init = new InitActor(actors);
        allocations.forEach((address, amount) -> {
            if (amount.isNegative()) {
                throw new IllegalArgumentException("genesis allocation to " + address + " is negative: " + amount);
            }
            long id = init.registerAccount(address);
            ActorState account = actors.require(id);
            actors.put(id, account.withBalance(account.balance().add(amount)));
        });
        return session.commit();
    }
}

package dev.granary.chain.actors;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.chain.actors.cron.CronState;
import dev.granary.chain.actors.market.MarketState;
import dev.granary.chain.actors.power.PowerState;
import dev.granary.chain.actors.reward.RewardState;
import dev.granary.chain.state.StateSession;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * The genesis state's actors: system (f00, holding the policy), init (f01), reward (f02, holding the
 * reward pool), cron (f03), power (f04), market (f05), burnt funds (f099, an account actor whose address
 * is itself, as in Lotus' genesis) and one account per initial allocation (IDs 100, 101, …).
 */
public final class GenesisActors {

    private GenesisActors() {
    }

    /**
     * Writes the genesis state and returns its root. {@code allocations} must iterate in a fixed order
     * (e.g. a LinkedHashMap from the config): the order decides the accounts' IDs, and so the root.
     *
     * @param rewardPool the reward actor's balance, from which every block reward is paid
     * @param blockDelay the epoch length, which fixes how fast block rewards decay ({@link RewardState})
     */
    public static Cid create(KvStore kv, String networkName, ChainPolicy policy, Map<Address, TokenAmount> allocations,
            TokenAmount rewardPool, Duration blockDelay) {
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(policy, "policy");
        if (rewardPool.isNegative()) {
            throw new IllegalArgumentException("the genesis reward pool cannot be negative, got " + rewardPool);
        }
        StateSession session = StateSession.empty(kv);
        ActorTable actors = new ActorTable(session);
        actors.create(SingletonActors.SYSTEM_ID, BuiltinActor.SYSTEM, SystemState.CODEC, new SystemState(policy),
                TokenAmount.ZERO);
        InitActor.install(actors, networkName);
        actors.create(SingletonActors.REWARD_ID, BuiltinActor.REWARD, RewardState.CODEC,
                RewardState.genesis(rewardPool, blockDelay), rewardPool);
        actors.create(SingletonActors.CRON_ID, BuiltinActor.CRON, CronState.CODEC, CronState.genesis(), TokenAmount.ZERO);
        actors.create(SingletonActors.POWER_ID, BuiltinActor.POWER, PowerState.CODEC, PowerState.genesis(), TokenAmount.ZERO);
        actors.create(SingletonActors.MARKET_ID, BuiltinActor.MARKET, MarketState.CODEC, MarketState.genesis(),
                TokenAmount.ZERO);
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

package dev.granary.chain.actors;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.granary.address.Address;
import dev.granary.chain.actors.market.MarketBalance;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.actors.miner.MinerState;
import dev.granary.chain.actors.power.Claim;
import dev.granary.chain.actors.power.PowerState;
import dev.granary.chain.actors.reward.RewardState;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.state.TrieEntry;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Read-only questions about one state root, as the Lotus state API asks them: which actor is at an
 * address, which ID or key address it has, a miner's info and claim, a market balance, the network's
 * power and this epoch's reward. Everything above the VM (ChainApi, the message pool, wallets) reads
 * state through this class, never through trie keys.
 */
public final class StateQueries {

    private final Cid root;
    private final StateSession session;
    private final ActorTable actors;
    private final InitActor init;

    private StateQueries(KvStore kv, Cid root) {
        this.root = Objects.requireNonNull(root, "root");
        this.session = StateSession.on(kv, root);
        this.actors = new ActorTable(session);
        this.init = new InitActor(actors);
    }

    public static StateQueries at(KvStore kv, Cid root) {
        return new StateQueries(kv, root);
    }

    public Cid root() {
        return root;
    }

    /** The actor at any kind of address, resolved through the init actor. */
    public Optional<ActorState> actor(Address address) {
        OptionalLong id = init.lookupId(address);
        return id.isEmpty() ? Optional.empty() : Optional.ofNullable(actors.get(id.getAsLong()));
    }

    /** Lotus' StateLookupID: the ID address of the actor at {@code address}. */
    public Optional<Address> lookupId(Address address) {
        OptionalLong id = init.lookupId(address);
        return id.isEmpty() ? Optional.empty() : Optional.of(Address.ofId(id.getAsLong()));
    }

    /**
     * Lotus' StateAccountKey: the public-key (f1/f3) address of an account actor; a key address is
     * its own key even before it has an actor. Empty for an unknown ID or a non-account actor.
     */
    public Optional<Address> accountKey(Address address) {
        return init.accountKey(address);
    }

    /** The info of the miner actor at {@code address}; empty when there is none or it is not a miner. */
    public Optional<MinerInfo> minerInfo(Address address) {
        return minerId(address).map(id -> {
            MinerState state = actors.readHead(id, MinerState.CODEC);
            byte[] bytes = actors.store().get(StateKeys.minerInfo(id));
            if (bytes == null || !ActorTable.headCid(bytes).equals(state.info())) {
                throw new IllegalStateException("miner f0" + id + " links info " + state.info()
                    + " but the stored info is missing or different; the state is corrupt");
            }
            return MinerInfo.CODEC.decode(bytes);
        });
    }

    /** The state object of the miner actor at {@code address} (its funds, proving period); empty when it is not a miner. */
    public Optional<MinerState> minerState(Address address) {
        return minerId(address).map(id -> actors.readHead(id, MinerState.CODEC));
    }

    /** The power claim of the miner at {@code address}; empty when the power actor has none for it. */
    public Optional<Claim> powerClaim(Address address) {
        OptionalLong id = init.lookupId(address);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = actors.store().get(StateKeys.powerClaim(id.getAsLong()));
        return bytes == null ? Optional.empty() : Optional.of(Claim.CODEC.decode(bytes));
    }

    /**
     * Lotus' StateListMiners: the ID address of every miner the power actor has a claim for, in key
     * order. Walks the state trie in key order up to the end of the claims (they sort last).
     */
    public List<Address> listMiners() {
        List<Address> miners = new ArrayList<>();
        Iterator<TrieEntry> entries = session.iterator();
        while (entries.hasNext()) {
            byte[] key = entries.next().key();
            Address miner = StateKeys.powerClaimMiner(key);
            if (miner != null) {
                miners.add(miner);
            } else if (StateKeys.afterPowerClaims(key)) {
                break;
            }
        }
        return miners;
    }

    /** The power actor's state: network totals, this epoch's power and pledge, the miner count. */
    public PowerState powerState() {
        return actors.readHead(SingletonActors.POWER_ID, PowerState.CODEC);
    }

    /** The reward actor's state: this epoch's reward, how it decays, what was paid. */
    public RewardState rewardState() {
        return actors.readHead(SingletonActors.REWARD_ID, RewardState.CODEC);
    }

    /** The block reward (per win) a block at the next epoch earns. */
    public TokenAmount thisEpochReward() {
        return rewardState().thisEpochReward();
    }

    /** The storage-market escrow of {@code address}; zero when it has none. */
    public MarketBalance marketBalance(Address address) {
        OptionalLong id = init.lookupId(address);
        if (id.isEmpty()) {
            return MarketBalance.EMPTY;
        }
        return new MarketBalance(amountAt(StateKeys.marketEscrow(id.getAsLong())),
            amountAt(StateKeys.marketLocked(id.getAsLong())));
    }

    public String networkName() {
        return init.state().networkName();
    }

    /** The policy genesis recorded in the system actor's state. */
    public ChainPolicy policy() {
        return actors.readHead(SingletonActors.SYSTEM_ID, SystemState.CODEC).policy();
    }

    private Optional<Long> minerId(Address address) {
        OptionalLong id = init.lookupId(address);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ActorState actor = actors.get(id.getAsLong());
        return actor != null && actor.kind().orElse(null) == BuiltinActor.MINER ? Optional.of(id.getAsLong()) : Optional.empty();
    }

    private TokenAmount amountAt(byte[] key) {
        byte[] bytes = actors.store().get(key);
        return bytes == null ? TokenAmount.ZERO : FilCodecs.TOKEN_AMOUNT.decode(bytes);
    }
}

package dev.granary.chain.genesis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.granary.address.Address;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.GenesisActors;
import dev.granary.chain.actors.SingletonActors;
import dev.granary.chain.beacon.BeaconRounds;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.BeaconEntry;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.Ticket;
import dev.granary.chain.types.TipSet;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * The genesis tipset, built from the {@link GenesisRecord}: a state with the builtin actors, the funded
 * account (ID 100) and the genesis producer's account (ID 101), and one block at height 0 the way Lotus
 * shapes its genesis block: mined by the system actor f00, no parents, no election proof and no
 * signature, empty message and receipt lists, the initial base fee, and round 0 of the devnet beacon.
 * The same record and keys always give the same genesis.
 */
public final class Genesis {

    /** Lotus' build.InitialBaseFee: 100 000 000 attoFIL. */
    public static final TokenAmount INITIAL_BASE_FEE = TokenAmount.ofAtto(100_000_000L);

    private Genesis() {
    }

    /** Where genesis puts the chain objects its header names (empty message and receipt lists). */
    public interface Objects {
        Cid emptyMessagesRoot();

        Cid emptyReceiptsRoot();
    }

    public static TipSet create(KvStore kv, ChainStore store, Objects objects, GenesisRecord record, Address funded,
                                TokenAmount fundedBalance, TokenAmount rewardPool, Address producer) {
        Map<Address, TokenAmount> allocations = new LinkedHashMap<>();
        allocations.put(funded, fundedBalance);
        allocations.put(producer, TokenAmount.ZERO);
        Cid stateRoot = GenesisActors.create(kv, record.networkName(), ChainPolicy.byName(record.policy()), allocations,
            rewardPool, record.blockDelay());
        BeaconEntry round0 = new BeaconEntry(0, BeaconRounds.genesisSeed(record.networkName()));
        BlockHeader header = new BlockHeader(SingletonActors.SYSTEM, new Ticket(round0.data()), null, List.of(round0),
            List.of(), List.of(), BigInt.ZERO, 0, stateRoot, objects.emptyReceiptsRoot(), objects.emptyMessagesRoot(),
            null, record.genesisTime().getEpochSecond(), null, 0, INITIAL_BASE_FEE);
        TipSet genesis = TipSet.of(header);
        store.setHead(genesis);
        return genesis;
    }
}

package dev.granary.ui.wallet;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.types.TipSetKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which miners a key is owner or worker of (the store refuses to delete those keys), read from the
 * chain's head as Lotus' StateListMiners and StateMinerInfo would.
 */
final class WalletMiners {

    /** A miner and the roles a given key holds in it. */
    record Role(Address miner, List<String> roles) {}

    private WalletMiners() {}

    /** The miners whose owner or worker is {@code key} (an f1/f3 key address), with which of the two. */
    static List<Role> ownedOrWorkedBy(ChainApi chain, Address key) {
        Optional<Address> id = chain.stateLookupId(key, TipSetKey.EMPTY);
        if (id.isEmpty()) {
            return List.of(); // no account on chain yet: it cannot be anyone's owner or worker
        }
        List<Role> found = new ArrayList<>();
        for (Address miner : chain.stateListMiners(TipSetKey.EMPTY)) {
            chain.stateMinerInfo(miner, TipSetKey.EMPTY).ifPresent(info -> {
                List<String> roles = new ArrayList<>();
                if (info.owner().equals(id.get())) {
                    roles.add("owner");
                }
                if (info.worker().equals(id.get())) {
                    roles.add("worker");
                }
                if (!roles.isEmpty()) {
                    found.add(new Role(miner, roles));
                }
            });
        }
        return found;
    }
}

package dev.granary.wallet;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.miner.MinerInfo;
import dev.granary.chain.types.TipSetKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which miners on chain depend on a key: as owner or worker, or as the target of a pending owner or
 * worker change (the key must sign the confirmation). MinerInfo holds ID addresses, so each is
 * compared through StateAccountKey.
 */
final class MinerRoles {

    private final ChainApi chain;
    private final Map<Address, Optional<Address>> keys = new HashMap<>();

    private MinerRoles(ChainApi chain) {
        this.chain = chain;
    }

    /** "owner of f01000", "worker of f01002", ...; empty when no miner depends on the key. */
    static List<String> of(ChainApi chain, Address keyAddress) {
        return new MinerRoles(chain).find(keyAddress);
    }

    private List<String> find(Address keyAddress) {
        List<String> roles = new ArrayList<>();
        for (Address miner : chain.stateListMiners(TipSetKey.EMPTY)) {
            Optional<MinerInfo> found = chain.stateMinerInfo(miner, TipSetKey.EMPTY);
            if (found.isEmpty()) {
                continue;
            }
            MinerInfo info = found.get();
            check(roles, "owner", info.owner(), keyAddress, miner);
            check(roles, "worker", info.worker(), keyAddress, miner);
            if (info.pendingWorkerKey() != null) {
                check(roles, "pending new worker", info.pendingWorkerKey().newWorker(), keyAddress, miner);
            }
            if (info.pendingOwnerAddress() != null) {
                check(roles, "proposed new owner", info.pendingOwnerAddress(), keyAddress, miner);
            }
        }
        return roles;
    }

    private void check(List<String> roles, String role, Address onChain, Address keyAddress, Address miner) {
        if (keyOf(onChain).map(keyAddress::equals).orElse(false)) {
            roles.add(role + " of " + miner);
        }
    }

    private Optional<Address> keyOf(Address address) {
        return keys.computeIfAbsent(address, a -> chain.stateAccountKey(a, TipSetKey.EMPTY));
    }
}

package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A miner's controlling addresses as Lotus' `actor control list` shows them: each with its roles, key
 * address, balance and whether this node holds its key; plus the pending worker and owner changes.
 */
public record ControlOverview(Address miner, long headEpoch, List<Entry> addresses, Optional<Address> pendingWorker,
                              OptionalLong pendingWorkerEffectiveAt, Optional<Address> pendingOwner,
                              SelectionConfig selection) {

    /** @param roles "owner", "worker", "control-0", ..., plus configured uses ("PreCommit", ...) */
    public record Entry(Address idAddress, Optional<Address> keyAddress, List<String> roles, TokenAmount balance,
                        boolean inWallet) {}
}

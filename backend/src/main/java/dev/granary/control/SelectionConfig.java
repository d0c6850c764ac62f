package dev.granary.control;

import dev.granary.address.Address;
import java.util.List;

/**
 * Lotus' [Addresses] section, per miner: the senders configured for each message type, and whether
 * the worker and owner may stand in when none of them can pay.
 */
public record SelectionConfig(List<Address> preCommitControl, List<Address> commitControl,
                              List<Address> terminateControl, List<Address> dealPublishControl,
                              boolean disableOwnerFallback, boolean disableWorkerFallback) {

    public static final SelectionConfig DEFAULT = new SelectionConfig(List.of(), List.of(), List.of(), List.of(), false, false);

    public SelectionConfig {
        preCommitControl = List.copyOf(preCommitControl);
        commitControl = List.copyOf(commitControl);
        terminateControl = List.copyOf(terminateControl);
        dealPublishControl = List.copyOf(dealPublishControl);
    }
}

package dev.granary.control;

import dev.granary.address.Address;
import java.util.List;

/**
 * A miner this node can act for: at least one of its owner, worker or control addresses has its key in
 * this node's wallet ({@code rolesHere} names which: "owner", "worker", "control-0", ...).
 */
public record ControlledMiner(Address miner, Address owner, Address worker, List<Address> controlAddresses,
                              List<String> rolesHere) {

    public ControlledMiner {
        controlAddresses = List.copyOf(controlAddresses);
        rolesHere = List.copyOf(rolesHere);
    }
}

package dev.granary.control;

import dev.granary.address.Address;
import dev.granary.auth.AccessDeniedException;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import java.util.List;

/**
 * The miners a principal may see and act on: {@link Principal#miners()} lists ID addresses ("f01000",
 * "t01000": the network letter does not matter); an empty list means every miner.
 */
public final class MinerScope {

    private MinerScope() {
    }

    public static boolean allows(Principal principal, Address minerId) {
        List<String> miners = principal.miners();
        if (miners.isEmpty()) {
            return true;
        }
        for (String m : miners) {
            try {
                if (Address.parse(m).equals(minerId)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // a malformed entry allows nothing; the user service refuses them anyway
            }
        }
        return false;
    }

    /** Permission first, then the miner: a limited principal gets a 403 naming the miners it may use. */
    public static void require(Actor actor, Permission permission, Address minerId, String action) {
        actor.require(permission, action);
        if (!allows(actor.principal(), minerId)) {
            throw new AccessDeniedException(permission, action + ": " + actor.principal().describe()
                + " may act only on miner" + (actor.principal().miners().size() == 1 ? " " : "s ")
                + String.join(", ", actor.principal().miners()) + ", not " + minerId);
        }
    }
}

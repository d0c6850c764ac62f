package dev.granary.storage.path;

import java.util.List;
import java.util.Objects;

/**
 * The options in a path's {@code sectorstore.json}, with Lotus' field names (storiface.LocalStorageMeta):
 * ID, Weight (0 = read-only: never chosen for new files), CanSeal, CanStore, MaxStorage (bytes, 0 =
 * the whole file system), Groups, AllowTo, AllowTypes, DenyTypes, AllowMiners, DenyMiners. Empty lists
 * mean "no restriction", as in Lotus.
 */
public record StoreMeta(String id, long weight, boolean canSeal, boolean canStore, long maxStorage, List<String> groups,
                        List<String> allowTo, List<String> allowTypes, List<String> denyTypes, List<String> allowMiners,
                        List<String> denyMiners) {

    public StoreMeta {
        Objects.requireNonNull(id, "id");
        groups = List.copyOf(groups);
        allowTo = List.copyOf(allowTo);
        allowTypes = List.copyOf(allowTypes);
        denyTypes = List.copyOf(denyTypes);
        allowMiners = List.copyOf(allowMiners);
        denyMiners = List.copyOf(denyMiners);
    }

    public StoreMeta withId(String newId) {
        return new StoreMeta(newId, weight, canSeal, canStore, maxStorage, groups, allowTo, allowTypes, denyTypes,
            allowMiners, denyMiners);
    }
}

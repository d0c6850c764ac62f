package dev.granary.storage;

import java.util.List;

/**
 * Attaching a directory as a storage path. With {@code init}, sectorstore.json is created from these
 * options (it must not exist yet); without, the directory's existing file is used and the options are
 * ignored, as with {@code lotus-miner storage attach}.
 */
public record AttachRequest(String path, boolean init, long weight, boolean canSeal, boolean canStore,
                            long maxStorage, List<String> groups, List<String> allowTo, List<String> allowTypes,
                            List<String> denyTypes, List<String> allowMiners, List<String> denyMiners) {

    public AttachRequest {
        groups = groups == null ? List.of() : List.copyOf(groups);
        allowTo = allowTo == null ? List.of() : List.copyOf(allowTo);
        allowTypes = allowTypes == null ? List.of() : List.copyOf(allowTypes);
        denyTypes = denyTypes == null ? List.of() : List.copyOf(denyTypes);
        allowMiners = allowMiners == null ? List.of() : List.copyOf(allowMiners);
        denyMiners = denyMiners == null ? List.of() : List.copyOf(denyMiners);
    }

    /** Lotus' default weight for a new path. */
    public static final long DEFAULT_WEIGHT = 10;

    public static AttachRequest existing(String path) {
        return new AttachRequest(path, false, DEFAULT_WEIGHT, false, false, 0, null, null, null, null, null, null);
    }

    public static AttachRequest init(String path, boolean canSeal, boolean canStore) {
        return new AttachRequest(path, true, DEFAULT_WEIGHT, canSeal, canStore, 0, null, null, null, null, null, null);
    }
}

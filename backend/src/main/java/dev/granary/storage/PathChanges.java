package dev.granary.storage;

import java.util.List;

/** What {@code set} changes in a path's sectorstore.json; null leaves a field as it is. */
public record PathChanges(Boolean canSeal, Boolean canStore, Long weight, Long maxStorage, List<String> groups,
                          List<String> allowTo, List<String> allowTypes, List<String> denyTypes,
                          List<String> allowMiners, List<String> denyMiners) {

    public boolean empty() {
        return canSeal == null && canStore == null && weight == null && maxStorage == null && groups == null
            && allowTo == null && allowTypes == null && denyTypes == null && allowMiners == null && denyMiners == null;
    }
}

package dev.granary.storage;

import java.util.List;
import java.util.Objects;

/**
 * What a task asks before it writes sector files: which sector, which file types, for which use, how
 * big a sector is; optionally the path the files come from (its AllowTo limits where they may go).
 *
 * @param purpose what the space is for, shown with the reservation ("seal PC1", "fetch from node-b")
 */
public record AllocationRequest(SectorName sector, List<SectorFileType> types, PathUse use, long sectorSize,
                                String sourcePathId, String purpose) {

    public AllocationRequest {
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(use, "use");
        types = List.copyOf(types);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("name at least one sector file type to allocate: " + SectorFileType.ids());
        }
        if (sectorSize <= 0) {
            throw new IllegalArgumentException("the sector size must be positive, got " + sectorSize);
        }
        purpose = purpose == null || purpose.isBlank() ? use.name().toLowerCase(java.util.Locale.ROOT) : purpose;
    }
}

package dev.granary.storage;

import java.time.Instant;

/** Space promised in one path for one sector file until released; the sector's file there counts as in use. */
public record Reservation(long id, String pathId, SectorName sector, SectorFileType type, long bytes, String purpose,
                          Instant createdAt) {}

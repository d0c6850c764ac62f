package dev.granary.storage.index;

import dev.granary.storage.path.StoreMeta;
import java.time.Instant;

/** A storage_path row: options, last measurement and health as stored (staleness is judged by the reader). */
public record PathRow(String id, String nodeId, String remoteName, String localPath, StoreMeta meta, long capacity,
                      long fsAvailable, long used, boolean healthy, Instant lastHeartbeat, String lastError,
                      Instant attachedAt) {}

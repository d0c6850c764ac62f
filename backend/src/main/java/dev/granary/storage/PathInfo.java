package dev.granary.storage;

import dev.granary.storage.path.StoreMeta;
import java.time.Instant;
import java.util.Map;

/**
 * One storage path as the index knows it: its sectorstore.json options, where it is, the space the last
 * heartbeat measured, what is reserved, and its health.
 *
 * @param remoteName null for a path on a node's own disk; the remote's name for a path this node only
 *                   learned about when it fetched from it
 * @param localPath  the directory on the holding node's disk (null for a remote path)
 * @param used       bytes of sector files (and fetches in progress) in the path
 * @param available  what new files may still use: the file system's free space and MaxStorage, minus
 *                   reservations
 * @param healthy    the last heartbeat succeeded and is younger than the heartbeat timeout
 * @param lastError  why it is unhealthy, or "" when healthy
 * @param fileCounts sector files held, by type
 */
public record PathInfo(String id, String nodeId, String remoteName, String localPath, StoreMeta meta, long capacity,
                       long fsAvailable, long used, long reserved, long available, boolean healthy,
                       Instant lastHeartbeat, String lastError, Instant attachedAt,
                       Map<SectorFileType, Integer> fileCounts) {

    public boolean remote() {
        return remoteName != null;
    }

    /** A name for messages: the directory, or the remote's name and the path id. */
    public String describe() {
        return remote() ? "path " + id + " on remote " + remoteName : localPath + " (" + id + ")";
    }
}

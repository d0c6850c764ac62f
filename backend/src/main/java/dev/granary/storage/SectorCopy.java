package dev.granary.storage;

import java.time.Instant;

/**
 * One sector file in one path: the answer of find, and a row of what a path holds.
 *
 * @param primary   the copy proving reads (declared by a CanStore path); others are sealing scratch or extra
 * @param location   the file or directory on the holding node's disk, or "" for a remote copy
 * @param remoteName null when the copy is on a path this node heartbeats (or another node sharing the
 *                   database); else the remote it was seen on
 */
public record SectorCopy(SectorName sector, SectorFileType type, String pathId, boolean primary, long size,
                         String location, String nodeId, String remoteName, boolean healthy, Instant declaredAt) {}

package dev.granary.storage;

/** One path's outcome in a heartbeat round. */
public record HeartbeatReport(String pathId, boolean healthy, String error) {}

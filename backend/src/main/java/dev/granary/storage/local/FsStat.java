package dev.granary.storage.local;

/** A path's file system as the heartbeat measured it, and the bytes its sector files use. */
public record FsStat(long capacity, long fsAvailable, long used) {}

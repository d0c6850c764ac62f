package dev.granary.storage;

import java.util.List;

/**
 * What a redeclare did to one path: files found and declared, index entries whose file is gone (dropped
 * with dropMissing, else only counted), directory entries that are not sector files.
 */
public record RedeclareResult(String pathId, String localPath, int declared, int missing, int dropped,
                              List<String> ignored, String error) {}

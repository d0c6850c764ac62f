package dev.granary.storage;

import java.nio.file.Path;

/** A sector file (or one file of a cache directory) this node serves to another. */
public record ServedFile(Path file, long size) {}

package dev.granary.proofs;

import java.nio.file.Path;

/** A sector a PoSt could not prove, with the file at fault and why (e.g. "missing", "truncated: ..."). */
public record SkippedSector(long number, Path file, String reason) {
}

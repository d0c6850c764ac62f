package dev.granary.proofs;

import java.util.List;

/**
 * GenerateWindowPoSt's result: one proof per partition over the sectors that could be proven
 * (in order, {@code sectorsPerPartition} each), those sectors as the verifier must be given them,
 * and the sectors skipped with the reason.
 */
public record WindowPoStResult(List<byte[]> partitionProofs, List<PublicSector> proven, List<SkippedSector> skipped) {

    public WindowPoStResult {
        partitionProofs = partitionProofs.stream().map(byte[]::clone).toList();
        proven = List.copyOf(proven);
        skipped = List.copyOf(skipped);
    }

    @Override
    public List<byte[]> partitionProofs() {
        return partitionProofs.stream().map(byte[]::clone).toList();
    }
}

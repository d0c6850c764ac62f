package dev.granary.proofs;

import java.nio.file.Path;
import java.util.List;

import dev.granary.proofs.sector.SectorRef;

/**
 * What PreCommit1 hands to PreCommit2: the sector, its CommD (tree_d is already in the cache
 * directory), the replica_id the labels were drawn for and the layer files, layer 1 first.
 */
public record PreCommit1Output(RegisteredSealProof proof, SectorRef sector, byte[] ticket, byte[] commD,
        byte[] replicaId, List<Path> layerFiles) {

    public PreCommit1Output {
        ticket = ticket.clone();
        commD = commD.clone();
        replicaId = replicaId.clone();
        layerFiles = List.copyOf(layerFiles);
    }

    @Override
    public byte[] ticket() {
        return ticket.clone();
    }

    @Override
    public byte[] commD() {
        return commD.clone();
    }

    @Override
    public byte[] replicaId() {
        return replicaId.clone();
    }
}

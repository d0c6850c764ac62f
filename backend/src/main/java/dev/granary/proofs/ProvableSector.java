package dev.granary.proofs;

import java.nio.file.Path;

import dev.granary.multiformats.Cid;

/** A sector to prove (filecoin-ffi's PrivateSectorInfo): its number, comm_r and where its files are. */
public record ProvableSector(RegisteredSealProof proof, long number, Cid commR, Path sealed, Path cacheDir) {

    public PublicSector publicInfo() {
        return new PublicSector(proof, number, commR);
    }
}

package dev.granary.proofs;

import dev.granary.multiformats.Cid;

/** A sector as a PoSt verifier knows it (filecoin-ffi's PublicSectorInfo). */
public record PublicSector(RegisteredSealProof proof, long number, Cid commR) {
}

package dev.granary.proofs;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.challenge.PoStApiVersion;
import dev.granary.proofs.challenge.PoStChallenges;
import dev.granary.proofs.sector.CommitmentCids;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.sector.TemporaryAux;
import dev.granary.proofs.vanilla.VanillaPoStProof;
import dev.granary.proofs.vanilla.VanillaProver;

/**
 * CheckSector (Lotus' CheckProvable): fast, reads a few KiB. The sealed file is there with the
 * sector's size, p_aux hashes to comm_r, t_aux is readable, tree_r_last has a valid layout and
 * root comm_r_last, and {@value #CHECKED_LEAVES} leaves, drawn from comm_r and the sector number,
 * prove to comm_r_last (rebuilding discarded rows from the sealed file). Any failure is a
 * {@link ProofFileException} naming the file and reason.
 */
public final class SectorCheck {

    static final int CHECKED_LEAVES = 4;

    private final Kernels kernels;

    public SectorCheck(Kernels kernels) {
        this.kernels = kernels;
    }

    public void check(ProvableSector sector) {
        byte[] commR = CommitmentCids.commR(sector.commR());
        PersistentAux aux = PersistentAux.readFor(sector.cacheDir(), commR);
        TemporaryAux.read(sector.cacheDir());
        long size = sector.proof().sectorSize();
        // comm_r is a field element, so it serves as the randomness of the spot check.
        long[] leaves = PoStChallenges.leafChallenges(PoStApiVersion.V1_2_0, commR, sector.number(), 0, CHECKED_LEAVES,
                size);
        VanillaPoStProof proof = new VanillaProver(kernels).provePoSt(sector.number(), aux.commC(), aux.commRLast(),
                sector.sealed(), sector.cacheDir(), size, leaves);
        if (!proof.verifies(commR, PoStApiVersion.V1_2_0, commR, 0, CHECKED_LEAVES, size)) {
            throw new ProofFileException(sector.sealed(), "checked leaves do not prove to comm_r");
        }
    }
}

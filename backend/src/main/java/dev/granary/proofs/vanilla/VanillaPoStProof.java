package dev.granary.proofs.vanilla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.challenge.PoStApiVersion;
import dev.granary.proofs.challenge.PoStChallenges;

/**
 * The vanilla PoSt proof of one sector: comm_c and comm_r_last (which hash to the sector's comm_r)
 * and, per challenged leaf, the replica leaf with its path to comm_r_last. No Groth16 wrapper.
 *
 * <p>Serialised (format version 1, little-endian): u8 version, u64 sector id, comm_c, comm_r_last,
 * u16 proof count, the inclusion proofs.
 */
public record VanillaPoStProof(long sectorId, byte[] commC, byte[] commRLast, List<InclusionProof> leafProofs) {

    public static final int FORMAT_VERSION = 1;

    public VanillaPoStProof {
        if (commC.length != 32 || commRLast.length != 32) {
            throw new IllegalArgumentException("comm_c and comm_r_last are 32 bytes");
        }
        if (leafProofs.size() > 0xffff) {
            throw new IllegalArgumentException("too many leaf proofs: " + leafProofs.size());
        }
        commC = commC.clone();
        commRLast = commRLast.clone();
        leafProofs = List.copyOf(leafProofs);
    }

    @Override
    public byte[] commC() {
        return commC.clone();
    }

    @Override
    public byte[] commRLast() {
        return commRLast.clone();
    }

    /** comm_r = sha256-trunc254(comm_c || comm_r_last), Granary's binary stand-in for Poseidon. */
    public static byte[] commR(byte[] commC, byte[] commRLast) {
        return Kernels.java().hashPair(commC, commRLast);
    }

    /**
     * Checks every step a verifier takes: comm_c and comm_r_last give {@code commR}; the proven
     * leaves are exactly the challenged ones, in order; each path leads to comm_r_last.
     */
    public boolean verifies(byte[] commR, PoStApiVersion version, byte[] randomness, int sectorIndex,
            int challengesPerSector, long sectorSize) {
        if (!Arrays.equals(commR(commC, commRLast), commR) || leafProofs.size() != challengesPerSector) {
            return false;
        }
        long[] challenges = PoStChallenges.leafChallenges(version, randomness, sectorId, sectorIndex,
                challengesPerSector, sectorSize);
        for (int i = 0; i < challenges.length; i++) {
            InclusionProof p = leafProofs.get(i);
            if (p.leafIndex() != challenges[i] || !p.verifies(commRLast, sectorSize / 32)) {
                return false;
            }
        }
        return true;
    }

    public byte[] toBytes() {
        ProofWriter w = new ProofWriter().u8(FORMAT_VERSION).u64(sectorId).bytes(commC).bytes(commRLast)
                .u16(leafProofs.size());
        leafProofs.forEach(p -> p.write(w));
        return w.toByteArray();
    }

    public static VanillaPoStProof fromBytes(byte[] bytes) {
        ProofReader r = new ProofReader(bytes);
        r.expectVersion(FORMAT_VERSION, "PoSt proof");
        long sectorId = r.u64("sector id");
        byte[] commC = r.bytes(32, "comm_c");
        byte[] commRLast = r.bytes(32, "comm_r_last");
        int count = r.u16("leaf proof count");
        List<InclusionProof> proofs = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            proofs.add(InclusionProof.read(r));
        }
        r.expectEnd("PoSt proof");
        return new VanillaPoStProof(sectorId, commC, commRLast, proofs);
    }
}

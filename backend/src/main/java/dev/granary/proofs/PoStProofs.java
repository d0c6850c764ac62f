package dev.granary.proofs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;
import dev.granary.proofs.challenge.ChallengeCounts;
import dev.granary.proofs.challenge.PoStApiVersion;
import dev.granary.proofs.challenge.PoStChallenges;
import dev.granary.proofs.sector.CommitmentCids;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.vanilla.PoStPartitionProof;
import dev.granary.proofs.vanilla.VanillaPoStProof;
import dev.granary.proofs.vanilla.VanillaProver;

/**
 * WindowPoSt and WinningPoSt, generation and (pure Java) verification, shaped like filecoin-ffi.
 * Challenges follow rust-fil-proofs API 1.2 (leaf challenges restart per sector), so skipping a
 * sector does not change the others' challenges. Randomness has its top two bits cleared, as
 * Lotus does before it calls the proofs library. Each sector is proven with a vanilla proof
 * (Merkle paths to comm_r_last, plus comm_c and comm_r_last that hash to comm_r).
 */
public final class PoStProofs {

    static final PoStApiVersion VERSION = PoStApiVersion.V1_2_0;

    private final Kernels kernels;

    public PoStProofs(Kernels kernels) {
        this.kernels = kernels;
    }

    /**
     * GenerateWindowPoSt over {@code sectors} (one sector size): each sector that cannot be
     * proven (missing or truncated sealed file, corrupt or missing cache) is skipped with its
     * reason; the rest are proven in partitions of {@link ChallengeCounts#windowPostSectorsPerPartition}.
     */
    public WindowPoStResult generateWindowPoSt(byte[] randomness, long minerId, List<ProvableSector> sectors) {
        long size = commonSectorSize(sectors);
        byte[] rand = safeRandomness(randomness);
        List<VanillaPoStProof> proofs = new ArrayList<>();
        List<PublicSector> proven = new ArrayList<>();
        List<SkippedSector> skipped = new ArrayList<>();
        for (ProvableSector s : sectors) {
            try {
                proofs.add(proveSector(s, rand, proven.size(), ChallengeCounts.WINDOW_POST_CHALLENGES_PER_SECTOR));
                proven.add(s.publicInfo());
            } catch (ProofFileException e) {
                skipped.add(new SkippedSector(s.number(), e.file(), e.reason()));
            }
        }
        int per = ChallengeCounts.windowPostSectorsPerPartition(size);
        List<byte[]> partitions = new ArrayList<>();
        for (int from = 0; from < proofs.size(); from += per) {
            partitions.add(new PoStPartitionProof(proofs.subList(from, Math.min(from + per, proofs.size()))).toBytes());
        }
        return new WindowPoStResult(partitions, proven, skipped);
    }

    /** VerifyWindowPoSt: the partition proofs prove exactly {@code sectors}, in order. */
    public static boolean verifyWindowPoSt(byte[] randomness, long minerId, List<PublicSector> sectors,
            List<byte[]> partitionProofs) {
        if (sectors.isEmpty()) {
            return partitionProofs.isEmpty();
        }
        long size = sectors.getFirst().proof().sectorSize();
        int per = ChallengeCounts.windowPostSectorsPerPartition(size);
        if (partitionProofs.size() != (sectors.size() + per - 1) / per) {
            return false;
        }
        byte[] rand = safeRandomness(randomness);
        for (int k = 0; k < partitionProofs.size(); k++) {
            List<PublicSector> part = sectors.subList(k * per, Math.min((k + 1) * per, sectors.size()));
            if (!verifyPartition(rand, part, k * per, PoStPartitionProof.fromBytes(partitionProofs.get(k)),
                    ChallengeCounts.WINDOW_POST_CHALLENGES_PER_SECTOR)) {
                return false;
            }
        }
        return true;
    }

    /** Indices into the caller's sector set of the sectors a WinningPoSt must prove. */
    public static long[] winningPoStSectorChallenge(byte[] randomness, long minerId, long sectorSetLength) {
        return PoStChallenges.winningSectors(safeRandomness(randomness), sectorSetLength, ReplicaId.proverId(minerId));
    }

    /** GenerateWinningPoSt over the challenged sectors; a sector that cannot be proven is an error here. */
    public byte[] generateWinningPoSt(byte[] randomness, long minerId, List<ProvableSector> challenged) {
        commonSectorSize(challenged);
        byte[] rand = safeRandomness(randomness);
        List<VanillaPoStProof> proofs = new ArrayList<>();
        for (int i = 0; i < challenged.size(); i++) {
            proofs.add(proveSector(challenged.get(i), rand, i, ChallengeCounts.WINNING_POST_CHALLENGES));
        }
        return new PoStPartitionProof(proofs).toBytes();
    }

    public static boolean verifyWinningPoSt(byte[] randomness, long minerId, List<PublicSector> challenged,
            byte[] proof) {
        if (challenged.size() != ChallengeCounts.WINNING_POST_SECTORS) {
            return false;
        }
        return verifyPartition(safeRandomness(randomness), challenged, 0, PoStPartitionProof.fromBytes(proof),
                ChallengeCounts.WINNING_POST_CHALLENGES);
    }

    private VanillaPoStProof proveSector(ProvableSector s, byte[] rand, int index, int challenges) {
        byte[] commR = CommitmentCids.commR(s.commR());
        PersistentAux aux = PersistentAux.readFor(s.cacheDir(), commR);
        long size = s.proof().sectorSize();
        long[] leaves = PoStChallenges.leafChallenges(VERSION, rand, s.number(), index, challenges, size);
        VanillaPoStProof proof = new VanillaProver(kernels).provePoSt(s.number(), aux.commC(), aux.commRLast(),
                s.sealed(), s.cacheDir(), size, leaves);
        if (!proof.verifies(commR, VERSION, rand, index, challenges, size)) {
            throw new ProofFileException(s.sealed(), "the proof drawn from this sector's files does not verify");
        }
        return proof;
    }

    private static boolean verifyPartition(byte[] rand, List<PublicSector> sectors, int firstIndex,
            PoStPartitionProof proof, int challenges) {
        if (proof.sectorProofs().size() != sectors.size()) {
            return false;
        }
        for (int i = 0; i < sectors.size(); i++) {
            PublicSector s = sectors.get(i);
            VanillaPoStProof p = proof.sectorProofs().get(i);
            if (p.sectorId() != s.number() || !p.verifies(CommitmentCids.commR(s.commR()), VERSION, rand, firstIndex + i,
                    challenges, s.proof().sectorSize())) {
                return false;
            }
        }
        return true;
    }

    private static long commonSectorSize(List<ProvableSector> sectors) {
        if (sectors.isEmpty()) {
            throw new IllegalArgumentException("a PoSt needs at least one sector");
        }
        long size = sectors.getFirst().proof().sectorSize();
        for (ProvableSector s : sectors) {
            if (s.proof().sectorSize() != size) {
                throw new IllegalArgumentException("sector " + s.number() + " is " + s.proof().label()
                        + "; one PoSt proves sectors of one size");
            }
        }
        return size;
    }

    /** Lotus clears the top two bits of chain randomness so it is a field element. */
    static byte[] safeRandomness(byte[] randomness) {
        SealProofs.requireLength(randomness, "randomness");
        byte[] r = Arrays.copyOf(randomness, 32);
        r[31] &= 0x3f;
        return r;
    }
}

package dev.granary.proofs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.commp.CommD;
import dev.granary.proofs.challenge.PoRepChallenges;
import dev.granary.proofs.encoding.ReplicaEncoder;
import dev.granary.proofs.sector.CommitmentCids;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.sector.TemporaryAux;
import dev.granary.proofs.tree.SectorTrees;
import dev.granary.proofs.vanilla.MalformedProofException;
import dev.granary.proofs.vanilla.VanillaPoRepProof;
import dev.granary.proofs.vanilla.VanillaProver;

/**
 * The sealing half of the filecoin-ffi-shaped API: PreCommit1 (tree_d and labels), PreCommit2
 * (tree_c, encoding, tree_r_last, p_aux, t_aux), Commit1 (the vanilla PoRep proof for a seed),
 * Commit2 (its compact serialisation) and VerifySeal (pure Java). Unsealing and finalizing are in
 * {@link SectorMaintenance}; proving in {@link PoStProofs}. Files stream through bounded buffers:
 * two label layers and the mapped parent cache are the largest things in memory.
 */
public final class SealProofs {

    private final SealKernels kernels;
    private final ParentCacheStore parentCaches;

    public SealProofs(SealKernels kernels, ParentCacheStore parentCaches) {
        this.kernels = kernels;
        this.parentCaches = parentCaches;
    }

    public SealKernels kernels() {
        return kernels;
    }

    /**
     * PreCommit1: builds tree_d over the Fr32-padded {@code files.unsealed()} (which must hold the
     * {@code pieces} in order, filling the sector), checks its root against the pieces' CommD,
     * derives the replica_id and writes the label layers into the cache directory.
     */
    public PreCommit1Output preCommit1(RegisteredSealProof proof, SectorFiles files, SectorRef sector, byte[] ticket,
            List<CommD.Piece> pieces) {
        requireLength(ticket, "ticket");
        files.createDirectories();
        byte[] expected = CommD.compute(kernels.hashing(), proof.sectorSize(), pieces);
        byte[] commD = new SectorTrees(kernels.hashing()).buildTreeD(files.unsealed(), proof.sectorSize(), files.cacheDir());
        if (!Arrays.equals(commD, expected)) {
            throw new ProofFileException(files.unsealed(), "its data does not match the pieces: tree_d's root is not"
                    + " the CommD of the " + pieces.size() + " pieces; rewrite the unsealed file from the pieces");
        }
        byte[] replicaId = ReplicaId.of(ReplicaId.proverId(sector.minerId()), sector.number(), ticket, commD,
                proof.porepId());
        Labels.Result labels = Labels.generate(kernels.sdr(), parentCaches.open(proof), replicaId, proof.layers(),
                files.cacheDir());
        return new PreCommit1Output(proof, sector, ticket, commD, replicaId, labels.layerFiles());
    }

    /**
     * PreCommit2: tree_c over the layers' columns, the sealed file (data + key layer), tree_r_last
     * over it, then p_aux and t_aux. Returns CommD and CommR as CIDs.
     */
    public SealCommitments preCommit2(PreCommit1Output pc1, SectorFiles files) {
        long size = pc1.proof().sectorSize();
        SectorTrees trees = new SectorTrees(kernels.hashing());
        byte[] commC = trees.buildTreeC(pc1.layerFiles(), size, files.cacheDir());
        new ReplicaEncoder(kernels.field()).encode(files.unsealed(), pc1.layerFiles().getLast(), files.sealed());
        byte[] commRLast = trees.buildTreeRLast(files.sealed(), size, files.cacheDir());
        PersistentAux aux = new PersistentAux(commC, commRLast);
        aux.write(files.cacheDir());
        new TemporaryAux(pc1.proof().id(), pc1.proof().layers(), 0).write(files.cacheDir());
        return SealCommitments.of(pc1.commD(), aux.commR());
    }

    /**
     * Commit1: the vanilla PoRep proof for {@code seed}, over every partition's challenges, read
     * from the layer files and the trees. The proof is verified before it is returned, so a
     * corrupt cache is reported here and not by the chain.
     */
    public VanillaPoRepProof commit1(RegisteredSealProof proof, SectorFiles files, SectorRef sector, byte[] ticket,
            byte[] seed, SealCommitments commitments) {
        requireLength(ticket, "ticket");
        requireLength(seed, "seed");
        byte[] commD = commitments.commDBytes();
        byte[] commR = commitments.commRBytes();
        PersistentAux aux = PersistentAux.readFor(files.cacheDir(), commR);
        byte[] replicaId = ReplicaId.of(ReplicaId.proverId(sector.minerId()), sector.number(), ticket, commD,
                proof.porepId());
        long[] challenges = PoRepChallenges.forSector(proof.sectorSize(), replicaId, seed);
        SdrLabelRecomputer graph = SdrLabelRecomputer.of(proof);
        VanillaProver.SealedSectorFiles sectorFiles = new VanillaProver.SealedSectorFiles(files.unsealed(),
                files.sealed(), layerFiles(proof, files.cacheDir()), files.cacheDir());
        VanillaPoRepProof vanilla = new VanillaProver(kernels.hashing()).provePoRep(sectorFiles, proof.sectorSize(), commD,
                aux.commC(), aux.commRLast(), challenges, graph);
        vanilla.requireValid(VanillaPoRepProof.PublicInputs.of(replicaId, seed, commD, commR, proof.sectorSize(),
                proof.layers()), graph);
        return vanilla;
    }

    /** Commit2: the compact serialisation of Commit1's proof (no Groth16; see docs/proofs.md). */
    public static byte[] commit2(VanillaPoRepProof commit1Output) {
        return commit1Output.toBytes();
    }

    /**
     * VerifySeal, pure Java and deterministic. False when the proof is well formed but does not
     * prove the sector; {@link MalformedProofException} when the bytes cannot be a proof;
     * {@link CommitmentCids.InvalidCommitmentException} for a CID that is not a commitment.
     */
    public static boolean verifySeal(SealVerifyInfo info) {
        return verifySealOrExplain(info) == null;
    }

    /** Like {@link #verifySeal} but returns why a well-formed proof fails (null when it verifies). */
    public static String verifySealOrExplain(SealVerifyInfo info) {
        requireLength(info.ticket(), "ticket");
        requireLength(info.seed(), "seed");
        byte[] commD = CommitmentCids.commD(info.commD());
        byte[] commR = CommitmentCids.commR(info.commR());
        VanillaPoRepProof proof = VanillaPoRepProof.fromBytes(info.proofBytes());
        RegisteredSealProof p = info.proof();
        byte[] replicaId = ReplicaId.of(ReplicaId.proverId(info.sector().minerId()), info.sector().number(),
                info.ticket(), commD, p.porepId());
        try {
            proof.requireValid(VanillaPoRepProof.PublicInputs.of(replicaId, info.seed(), commD, commR, p.sectorSize(),
                    p.layers()), SdrLabelRecomputer.of(p));
            return null;
        } catch (dev.granary.proofs.vanilla.InvalidProofException e) {
            return e.getMessage();
        }
    }

    static List<Path> layerFiles(RegisteredSealProof proof, Path cacheDir) {
        return java.util.stream.IntStream.rangeClosed(1, proof.layers())
                .mapToObj(l -> cacheDir.resolve(Labels.layerFileName(l))).toList();
    }

    static void requireLength(byte[] value, String name) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, got " + (value == null ? "none" : value.length));
        }
    }
}

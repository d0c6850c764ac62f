package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.proofs.challenge.PoRepChallenges;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.vanilla.MalformedProofException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A single flipped bit in the replica, the cache or the proof is caught. */
class SealTamperTest {

    private static final RegisteredSealProof PROOF = RegisteredSealProof.STACKED_DRG_2KIB_V1_1;
    private static final byte[] SEED = SealFixture.bytes32(42);

    @TempDir
    static Path parents;

    @TempDir
    Path dir;

    private SealProofs seal;
    private SealFixture.Sealed sector;
    private long challenge;

    @BeforeEach
    void sealOne() throws IOException {
        seal = new SealProofs(SealKernels.nativeKernels(), new ParentCacheStore(parents, SdrKernels.best()));
        sector = SealFixture.seal(seal, PROOF, dir, 3, 30);
        challenge = PoRepChallenges.forSector(PROOF.sectorSize(), sector.pc1().replicaId(), SEED)[0];
    }

    private void commit1() {
        seal.commit1(PROOF, sector.files(), sector.sector(), sector.ticket(), SEED, sector.commitments());
    }

    @Test
    void aFlippedBitInTheSealedFileAtAChallengedNodeFailsCommit1NamingTheSealedFile() throws IOException {
        SealFixture.flipBit(sector.files().sealed(), challenge * 256 + 3);
        ProofFileException e = assertThrows(ProofFileException.class, this::commit1);
        assertEquals(sector.files().sealed(), e.file());
    }

    @Test
    void aFlippedBitInAnyTreeRootFailsCommit1NamingTheTree() throws IOException {
        for (Path tree : new Path[] {CacheFiles.treeD(sector.files().cacheDir()), CacheFiles.treeC(sector.files().cacheDir()),
                CacheFiles.treeRLast(sector.files().cacheDir())}) {
            long rootBit = (Files.size(tree) - 32) * 8 + 5;
            SealFixture.flipBit(tree, rootBit);
            ProofFileException e = assertThrows(ProofFileException.class, this::commit1, tree.toString());
            assertEquals(tree, e.file());
            SealFixture.flipBit(tree, rootBit);
        }
        commit1();
    }

    @Test
    void aFlippedBitInTheChallengedLabelFailsCommit1() throws IOException {
        Path layer = sector.files().cacheDir().resolve(Labels.layerFileName(1));
        SealFixture.flipBit(layer, challenge * 256 + 9);
        ProofFileException e = assertThrows(ProofFileException.class, this::commit1);
        assertEquals(sector.files().cacheDir(), e.file());
    }

    @Test
    void aFlippedBitInPAuxFailsCheckSectorAndCommit1() throws IOException {
        SealFixture.flipBit(PersistentAux.file(sector.files().cacheDir()), 17);
        ProofFileException e = assertThrows(ProofFileException.class,
                () -> new SectorCheck(SealKernels.java().hashing()).check(sector.provable()));
        assertEquals(PersistentAux.file(sector.files().cacheDir()), e.file());
        assertThrows(ProofFileException.class, this::commit1);
    }

    @Test
    void everyFlippedBitOfTheProofFailsVerification() {
        byte[] proof = SealProofs.commit2(
                seal.commit1(PROOF, sector.files(), sector.sector(), sector.ticket(), SEED, sector.commitments()));
        assertTrue(SealProofs.verifySeal(sector.verifyInfo(SEED, proof)));
        int checked = 0;
        for (int bit = 0; bit < proof.length * 8; bit++) {
            byte[] tampered = proof.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(verifiesOrMalformed(sector.verifyInfo(SEED, tampered)), "bit " + bit + " of " + proof.length * 8);
            checked++;
        }
        assertEquals(proof.length * 8, checked);
        byte[] tampered = proof.clone();
        tampered[proof.length / 2] ^= 1;
        assertNotNull(SealProofs.verifySealOrExplain(sector.verifyInfo(SEED, tampered)));
    }

    private static boolean verifiesOrMalformed(SealVerifyInfo info) {
        try {
            return SealProofs.verifySeal(info);
        } catch (MalformedProofException e) {
            return false;
        }
    }
}

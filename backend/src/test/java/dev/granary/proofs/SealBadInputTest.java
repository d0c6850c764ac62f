package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.proofs.sector.CommitmentCids;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.vanilla.MalformedProofException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong sizes, truncated and missing files and malformed proofs give typed exceptions naming the file. */
class SealBadInputTest {

    private static final RegisteredSealProof PROOF = RegisteredSealProof.STACKED_DRG_2KIB_V1_1;
    private static final byte[] SEED = SealFixture.bytes32(4);

    @TempDir
    static Path parents;

    @TempDir
    Path dir;

    private SealProofs seal;
    private SealFixture.Sealed sector;

    @BeforeEach
    void sealOne() throws IOException {
        seal = new SealProofs(SealKernels.java(), new ParentCacheStore(parents, SdrKernels.best()));
        sector = SealFixture.seal(seal, PROOF, dir, 1, 10);
    }

    private ProofFileException commit1Fails() {
        return assertThrows(ProofFileException.class,
                () -> seal.commit1(PROOF, sector.files(), sector.sector(), sector.ticket(), SEED, sector.commitments()));
    }

    @Test
    void filesAreLaidOutAsLotusLaysThemOut() {
        assertEquals(dir.resolve("sealed/s-t01000-1"), sector.files().sealed());
        assertEquals(dir.resolve("unsealed/s-t01000-1"), sector.files().unsealed());
        assertTrue(Files.isRegularFile(dir.resolve("cache/s-t01000-1/p_aux")));
        assertTrue(Files.isRegularFile(dir.resolve("cache/s-t01000-1/t_aux")));
        assertTrue(Files.isRegularFile(dir.resolve("cache/s-t01000-1/sc-02-data-tree-r-last.dat")));
    }

    @Test
    void anUnsealedFileOfTheWrongSizeIsRefusedByPreCommit1() throws IOException {
        SectorFiles files = SectorFiles.in(dir.resolve("other"), new SectorRef(1000, 2)).createDirectories();
        Files.write(files.unsealed(), Arrays.copyOf(sector.data(), 4096));
        ProofFileException e = assertThrows(ProofFileException.class, () -> seal.preCommit1(PROOF, files,
                new SectorRef(1000, 2), sector.ticket(), SealFixture.pieces(sector.data())));
        assertEquals(files.unsealed(), e.file());
        assertTrue(e.reason().startsWith("wrong size"), e.reason());
    }

    @Test
    void unsealedDataThatIsNotThePiecesIsRefusedByPreCommit1() throws IOException {
        SectorFiles files = SectorFiles.in(dir.resolve("other"), new SectorRef(1000, 2)).createDirectories();
        byte[] changed = sector.data().clone();
        changed[100] ^= 1;
        Files.write(files.unsealed(), changed);
        ProofFileException e = assertThrows(ProofFileException.class, () -> seal.preCommit1(PROOF, files,
                new SectorRef(1000, 2), sector.ticket(), SealFixture.pieces(sector.data())));
        assertEquals(files.unsealed(), e.file());
    }

    @Test
    void aTruncatedSealedFileFailsCommit1NamingIt() throws IOException {
        Path sealed = sector.files().sealed();
        Files.write(sealed, Arrays.copyOf(Files.readAllBytes(sealed), 2016));
        ProofFileException e = commit1Fails();
        assertEquals(sealed, e.file());
        assertTrue(e.reason().startsWith("truncated"), e.reason());
    }

    @Test
    void aMissingOrTruncatedCacheFileFailsCommit1NamingIt() throws IOException {
        Path treeC = CacheFiles.treeC(sector.files().cacheDir());
        byte[] bytes = Files.readAllBytes(treeC);
        Files.write(treeC, Arrays.copyOf(bytes, bytes.length - 32));
        ProofFileException truncated = commit1Fails();
        assertEquals(treeC, truncated.file());
        assertTrue(truncated.reason().contains("truncated"), truncated.reason());

        Files.delete(treeC);
        ProofFileException missing = commit1Fails();
        assertEquals(treeC, missing.file());
        assertEquals("missing", missing.reason());

        Path pAux = PersistentAux.file(sector.files().cacheDir());
        Files.write(pAux, new byte[63]);
        ProofFileException shortAux = commit1Fails();
        assertEquals(pAux, shortAux.file());
        assertTrue(shortAux.reason().startsWith("truncated"), shortAux.reason());
    }

    @Test
    void proofsOfTheWrongLengthAreMalformed() {
        byte[] proof = SealProofs.commit2(
                seal.commit1(PROOF, sector.files(), sector.sector(), sector.ticket(), SEED, sector.commitments()));
        assertTrue(SealProofs.verifySeal(sector.verifyInfo(SEED, proof)));
        MalformedProofException shorter = assertThrows(MalformedProofException.class,
                () -> SealProofs.verifySeal(sector.verifyInfo(SEED, Arrays.copyOf(proof, proof.length - 1))));
        assertTrue(shorter.getMessage().contains("only 31 remain"), shorter.getMessage());
        MalformedProofException longer = assertThrows(MalformedProofException.class,
                () -> SealProofs.verifySeal(sector.verifyInfo(SEED, Arrays.copyOf(proof, proof.length + 1))));
        assertTrue(longer.getMessage().contains("1 unexpected trailing bytes"), longer.getMessage());
        assertThrows(MalformedProofException.class, () -> SealProofs.verifySeal(sector.verifyInfo(SEED, new byte[0])));
    }

    @Test
    void commitmentsOfTheWrongKindAndInputsOfTheWrongSizeAreRefused() {
        SealVerifyInfo swapped = new SealVerifyInfo(PROOF, sector.sector(), sector.commitments().commR(),
                sector.commitments().commD(), sector.ticket(), SEED, new byte[1]);
        assertThrows(CommitmentCids.InvalidCommitmentException.class, () -> SealProofs.verifySeal(swapped));
        SealVerifyInfo shortTicket = new SealVerifyInfo(PROOF, sector.sector(), sector.commitments().commD(),
                sector.commitments().commR(), new byte[31], SEED, new byte[1]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SealProofs.verifySeal(shortTicket));
        assertEquals("ticket must be 32 bytes, got 31", e.getMessage());
    }

    @Test
    void unsealReturnsTheOriginalBytesFromTheLayerFilesOrRecomputedLabels() throws IOException {
        SectorMaintenance maintenance = new SectorMaintenance(SealKernels.java(),
                new ParentCacheStore(parents, SdrKernels.best()));
        Path whole = dir.resolve("whole");
        maintenance.unsealRange(PROOF, sector.files(), sector.sector(), sector.ticket(), sector.commitments().commD(), 0,
                PROOF.sectorSize(), whole);
        assertArrayEquals(sector.data(), Files.readAllBytes(whole));

        maintenance.finalizeSector(PROOF, sector.files().cacheDir());
        Path range = dir.resolve("range");
        maintenance.unsealRange(PROOF, sector.files(), sector.sector(), sector.ticket(), sector.commitments().commD(),
                512, 1024, range);
        assertArrayEquals(Arrays.copyOfRange(sector.data(), 512, 1536), Files.readAllBytes(range));
        assertTrue(Files.notExists(sector.files().cacheDir().resolve("unseal-labels")));
        assertThrows(IllegalArgumentException.class, () -> maintenance.unsealRange(PROOF, sector.files(), sector.sector(),
                sector.ticket(), sector.commitments().commD(), 16, 32, range));
    }
}

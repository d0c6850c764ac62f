package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.proofs.challenge.PoStChallenges;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.vanilla.MalformedProofException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WindowPoSt with skipped sectors, WinningPoSt, CheckSector over finalized 2 KiB sectors. */
class PoStProofsTest {

    private static final RegisteredSealProof PROOF = RegisteredSealProof.STACKED_DRG_2KIB_V1_1;
    private static final byte[] RANDOMNESS = SealFixture.bytes32(77);

    @TempDir
    static Path parents;

    @TempDir
    Path dir;

    private final PoStProofs post = new PoStProofs(SealKernels.java().hashing());
    private final List<SealFixture.Sealed> sectors = new ArrayList<>();

    @BeforeEach
    void sealFiveAndFinalize() throws IOException {
        ParentCacheStore store = new ParentCacheStore(parents, SdrKernels.best());
        SealProofs seal = new SealProofs(SealKernels.nativeKernels(), store);
        SectorMaintenance maintenance = new SectorMaintenance(SealKernels.nativeKernels(), store);
        for (int n = 1; n <= 5; n++) {
            SealFixture.Sealed s = SealFixture.seal(seal, PROOF, dir, n, 100 + n);
            maintenance.finalizeSector(PROOF, s.files().cacheDir());
            sectors.add(s);
        }
    }

    private List<ProvableSector> provable() {
        return sectors.stream().map(SealFixture.Sealed::provable).toList();
    }

    @Test
    void windowPoStProvesAllSectorsInPartitionsOfTwo() {
        WindowPoStResult result = post.generateWindowPoSt(RANDOMNESS, SealFixture.MINER, provable());
        assertEquals(List.of(), result.skipped());
        assertEquals(3, result.partitionProofs().size());
        assertTrue(PoStProofs.verifyWindowPoSt(RANDOMNESS, SealFixture.MINER, result.proven(), result.partitionProofs()));
        assertFalse(PoStProofs.verifyWindowPoSt(SealFixture.bytes32(78), SealFixture.MINER, result.proven(),
                result.partitionProofs()), "other randomness");
        List<PublicSector> swapped = new ArrayList<>(result.proven());
        swapped.set(0, result.proven().get(1));
        swapped.set(1, result.proven().get(0));
        assertFalse(PoStProofs.verifyWindowPoSt(RANDOMNESS, SealFixture.MINER, swapped, result.partitionProofs()));
    }

    @Test
    void windowPoStSkipsTheSectorsItCannotProveAndProvesTheOthers() throws IOException {
        Files.delete(sectors.get(1).files().sealed());
        Path truncated = sectors.get(3).files().sealed();
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(truncated), 2000));
        Files.delete(PersistentAux.file(sectors.get(4).files().cacheDir()));

        WindowPoStResult result = post.generateWindowPoSt(RANDOMNESS, SealFixture.MINER, provable());

        assertEquals(List.of(2L, 4L, 5L), result.skipped().stream().map(SkippedSector::number).toList());
        assertEquals(sectors.get(1).files().sealed(), result.skipped().get(0).file());
        assertEquals("missing", result.skipped().get(0).reason());
        assertTrue(result.skipped().get(1).reason().startsWith("truncated"), result.skipped().get(1).reason());
        assertEquals(PersistentAux.file(sectors.get(4).files().cacheDir()), result.skipped().get(2).file());
        assertEquals(List.of(1L, 3L), result.proven().stream().map(PublicSector::number).toList());
        assertEquals(1, result.partitionProofs().size());
        assertTrue(PoStProofs.verifyWindowPoSt(RANDOMNESS, SealFixture.MINER, result.proven(), result.partitionProofs()));
    }

    @Test
    void aFlippedBitAtAChallengedLeafOfTheSealedFileSkipsThatSector() throws IOException {
        SealFixture.Sealed s = sectors.get(2);
        long leaf = PoStChallenges.leafChallenges(PoStProofs.VERSION, PoStProofs.safeRandomness(RANDOMNESS),
                s.sector().number(), 0, 10, PROOF.sectorSize())[0];
        SealFixture.flipBit(s.files().sealed(), leaf * 256 + 1);
        WindowPoStResult result = post.generateWindowPoSt(RANDOMNESS, SealFixture.MINER, provable());
        assertEquals(List.of(3L), result.skipped().stream().map(SkippedSector::number).toList());
        assertEquals(s.files().sealed(), result.skipped().getFirst().file());
    }

    @Test
    void everyFlippedBitOfAWindowPoStProofFailsVerification() {
        WindowPoStResult result = post.generateWindowPoSt(RANDOMNESS, SealFixture.MINER, provable().subList(0, 2));
        byte[] proof = result.partitionProofs().getFirst();
        for (int bit = 0; bit < proof.length * 8; bit++) {
            byte[] tampered = proof.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(verifiesOrMalformed(result.proven(), tampered), "bit " + bit);
        }
    }

    private static boolean verifiesOrMalformed(List<PublicSector> sectors, byte[] proof) {
        try {
            return PoStProofs.verifyWindowPoSt(RANDOMNESS, SealFixture.MINER, sectors, List.of(proof));
        } catch (MalformedProofException e) {
            return false;
        }
    }

    @Test
    void winningPoStProvesTheChallengedSector() {
        long[] challenged = PoStProofs.winningPoStSectorChallenge(RANDOMNESS, SealFixture.MINER, sectors.size());
        assertEquals(1, challenged.length);
        ProvableSector winner = provable().get((int) challenged[0]);
        byte[] proof = post.generateWinningPoSt(RANDOMNESS, SealFixture.MINER, List.of(winner));
        assertTrue(PoStProofs.verifyWinningPoSt(RANDOMNESS, SealFixture.MINER, List.of(winner.publicInfo()), proof));
        ProvableSector other = provable().get((int) (challenged[0] + 1) % sectors.size());
        assertFalse(PoStProofs.verifyWinningPoSt(RANDOMNESS, SealFixture.MINER, List.of(other.publicInfo()), proof));
        byte[] tampered = proof.clone();
        tampered[tampered.length - 40] ^= 4;
        assertFalse(PoStProofs.verifyWinningPoSt(RANDOMNESS, SealFixture.MINER, List.of(winner.publicInfo()), tampered));
        assertThrows(MalformedProofException.class, () -> PoStProofs.verifyWinningPoSt(RANDOMNESS, SealFixture.MINER,
                List.of(winner.publicInfo()), Arrays.copyOf(proof, proof.length - 1)));
    }

    @Test
    void checkSectorPassesHealthySectorsAndNamesTheFileAndReasonOtherwise() throws IOException {
        SectorCheck check = new SectorCheck(SealKernels.java().hashing());
        provable().forEach(check::check);

        SealFixture.Sealed s = sectors.getFirst();
        Path tree = CacheFiles.treeRLast(s.files().cacheDir());
        SealFixture.flipBit(tree, (Files.size(tree) - 32) * 8);
        ProofFileException corrupt = assertThrows(ProofFileException.class, () -> check.check(s.provable()));
        assertEquals(tree, corrupt.file());

        Files.delete(tree);
        ProofFileException missing = assertThrows(ProofFileException.class, () -> check.check(s.provable()));
        assertEquals(tree, missing.file());
        assertEquals("missing", missing.reason());

        Path sealed = sectors.get(1).files().sealed();
        Files.write(sealed, new byte[4096]);
        ProofFileException wrongSize = assertThrows(ProofFileException.class, () -> check.check(sectors.get(1).provable()));
        assertEquals(sealed, wrongSize.file());
        assertTrue(wrongSize.reason().startsWith("wrong size"), wrongSize.reason());
    }
}

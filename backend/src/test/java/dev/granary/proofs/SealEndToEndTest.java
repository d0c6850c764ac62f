package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.multiformats.Multicodec;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.proofs.vanilla.VanillaPoRepProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PreCommit1 → PreCommit2 → Commit1 → Commit2 → VerifySeal with the real SDR graph, both kernels. */
class SealEndToEndTest {

    @TempDir
    static Path parents;

    @TempDir
    Path dir;

    private static SealProofs sealWith(SealKernels kernels) {
        return new SealProofs(kernels, new ParentCacheStore(parents, SdrKernels.best()));
    }

    @Test
    void twoKibSealsProvesAndVerifiesIdenticallyWithNativeAndJavaKernels() throws IOException {
        sealsProvesAndVerifiesIdentically(RegisteredSealProof.STACKED_DRG_2KIB_V1_1);
    }

    @Test
    void twoKibV1AlsoSealsAndVerifies() throws IOException {
        sealsProvesAndVerifiesIdentically(RegisteredSealProof.STACKED_DRG_2KIB_V1);
    }

    @Test
    void eightMibSealsProvesAndVerifiesIdenticallyWithNativeAndJavaKernels() throws IOException {
        sealsProvesAndVerifiesIdentically(RegisteredSealProof.STACKED_DRG_8MIB_V1_1);
    }

    private void sealsProvesAndVerifiesIdentically(RegisteredSealProof proof) throws IOException {
        long start = System.nanoTime();
        SealFixture.Sealed nat = SealFixture.seal(sealWith(SealKernels.nativeKernels()), proof, dir.resolve("native"), 7, 70);
        long nativeNanos = System.nanoTime() - start;
        start = System.nanoTime();
        SealFixture.Sealed java = SealFixture.seal(sealWith(SealKernels.java()), proof, dir.resolve("java"), 7, 70);
        long javaNanos = System.nanoTime() - start;
        System.out.printf("%s seal: native %.2f s, java %.2f s%n", proof.label(), nativeNanos / 1e9, javaNanos / 1e9);

        assertEquals(nat.commitments(), java.commitments());
        assertEquals(Multicodec.FIL_COMMITMENT_SEALED.code(), nat.commitments().commR().codec());
        assertEquals(Multicodec.FIL_COMMITMENT_UNSEALED.code(), nat.commitments().commD().codec());
        assertEquals(Multicodec.SHA2_256_TRUNC254_PADDED.code(), nat.commitments().commR().multihash().code());
        assertArrayEquals(Files.readAllBytes(nat.files().sealed()), Files.readAllBytes(java.files().sealed()));

        byte[] seed = SealFixture.bytes32(99);
        VanillaPoRepProof c1Native = sealWith(SealKernels.nativeKernels()).commit1(proof, nat.files(), nat.sector(),
                nat.ticket(), seed, nat.commitments());
        VanillaPoRepProof c1Java = sealWith(SealKernels.java()).commit1(proof, java.files(), java.sector(),
                java.ticket(), seed, java.commitments());
        byte[] proofBytes = SealProofs.commit2(c1Native);
        assertArrayEquals(proofBytes, SealProofs.commit2(c1Java));

        assertTrue(SealProofs.verifySeal(nat.verifyInfo(seed, proofBytes)));
        assertFalse(SealProofs.verifySeal(nat.verifyInfo(SealFixture.bytes32(100), proofBytes)), "another seed");
        SealFixture.Sealed other = new SealFixture.Sealed(proof, new SectorRef(SealFixture.MINER, 8),
                nat.files(), nat.ticket(), nat.data(), nat.commitments(), nat.pc1());
        assertFalse(SealProofs.verifySeal(other.verifyInfo(seed, proofBytes)), "another sector number");
        finalizedSectorStillProvesAndUnseals(nat);
    }

    /** FinalizeSector keeps under 1/8 of the sector, WindowPoSt still proves, Unseal recomputes the key. */
    private void finalizedSectorStillProvesAndUnseals(SealFixture.Sealed s) throws IOException {
        SealKernels kernels = SealKernels.nativeKernels();
        SectorMaintenance maintenance = new SectorMaintenance(kernels, new ParentCacheStore(parents, SdrKernels.best()));
        maintenance.finalizeSector(s.proof(), s.files().cacheDir());
        long kept = SectorMaintenance.cacheBytes(s.files().cacheDir());
        assertTrue(kept < s.proof().sectorSize() / 8, "kept " + kept + " bytes");
        new SectorCheck(kernels.hashing()).check(s.provable());

        byte[] randomness = SealFixture.bytes32(5);
        WindowPoStResult post = new PoStProofs(kernels.hashing()).generateWindowPoSt(randomness, SealFixture.MINER,
                List.of(s.provable()));
        assertEquals(List.of(), post.skipped());
        assertTrue(PoStProofs.verifyWindowPoSt(randomness, SealFixture.MINER, post.proven(), post.partitionProofs()));

        long length = Math.min(s.proof().sectorSize() / 2, 1 << 16);
        Path out = dir.resolve("unsealed-range");
        maintenance.unsealRange(s.proof(), s.files(), s.sector(), s.ticket(), s.commitments().commD(), 1024, length, out);
        assertArrayEquals(Arrays.copyOfRange(s.data(), 1024, 1024 + (int) length), Files.readAllBytes(out));
    }
}

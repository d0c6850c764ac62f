package dev.granary.proofs.vanilla;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.kernels.fr.FieldKernels;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.challenge.ChallengeCounts;
import dev.granary.proofs.challenge.PoRepChallenges;
import dev.granary.proofs.challenge.PoStApiVersion;
import dev.granary.proofs.challenge.PoStChallenges;
import dev.granary.proofs.encoding.ReplicaEncoder;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.proofs.tree.SectorTrees;
import dev.granary.proofs.tree.TreeFixtures;

/** A 2 KiB sector sealed with the toy graph: trees, encoding, PoRep and PoSt proofs end to end. */
class VanillaProofsTest {

    static final long SIZE = 2048;
    static final int NODES = 64;
    static final int LAYERS = 2;

    @TempDir
    Path dir;

    final ToyGraph graph = new ToyGraph();
    final byte[] replicaId = ChallengesFixture.bytes32(11);
    final byte[] seed = ChallengesFixture.bytes32(12);
    byte[] data;
    Path dataFile;
    Path sealed;
    List<Path> layers;
    Path cache;
    SectorTrees.Commitments comms;

    @BeforeEach
    void seal() throws IOException {
        data = TreeFixtures.fieldNodes(SIZE, 10);
        dataFile = TreeFixtures.write(dir, "unsealed", data);
        cache = Files.createDirectories(dir.resolve("cache"));
        byte[][] labels = graph.layers(replicaId, LAYERS, NODES);
        layers = List.of(TreeFixtures.write(cache, "sc-02-data-layer-1.dat", labels[0]),
                TreeFixtures.write(cache, "sc-02-data-layer-2.dat", labels[1]));
        sealed = dir.resolve("sealed");
        new ReplicaEncoder(FieldKernels.best()).encode(dataFile, layers.get(1), sealed);
        comms = new SectorTrees(Kernels.best()).buildAll(dataFile, layers, sealed, SIZE, cache);
    }

    @Test
    void commDOfTheDataTreeIsThePieceCommD() {
        byte[] commP = Kernels.java().merkleRoot(ByteBuffer.wrap(data));
        assertArrayEquals(CommD.compute(Kernels.java(), SIZE, List.of(new CommD.Piece(SIZE, commP))), comms.commD());
        SectorTrees.Commitments viaJava = new SectorTrees(Kernels.java()).buildAll(dataFile, layers, sealed, SIZE,
                dir.resolve("cache"));
        assertArrayEquals(comms.commR(), viaJava.commR());
    }

    @Test
    void porepProofVerifiesRoundTripsAndFailsOnAnyFlippedBit() {
        VanillaPoRepProof.PublicInputs in = VanillaPoRepProof.PublicInputs.of(replicaId, seed, comms.commD(),
                comms.commR(), SIZE, LAYERS);
        VanillaPoRepProof proof = new VanillaProver(Kernels.best()).provePoRep(
                new VanillaProver.SealedSectorFiles(dataFile, sealed, layers, cache), SIZE, comms.commD(),
                comms.commC(), comms.commRLast(), in.challenges(), graph);
        proof.requireValid(in, graph);
        byte[] bytes = proof.toBytes();
        VanillaPoRepProof back = VanillaPoRepProof.fromBytes(bytes);
        assertArrayEquals(bytes, back.toBytes());
        assertTrue(back.verifies(in, graph));
        assertEveryFlipFails(bytes, b -> VanillaPoRepProof.fromBytes(b).verifies(in, graph));
        byte[] otherSeed = ChallengesFixture.bytes32(13);
        assertFalse(proof.verifies(VanillaPoRepProof.PublicInputs.of(replicaId, otherSeed, comms.commD(), comms.commR(),
                SIZE, LAYERS), graph));
        assertThrows(MalformedProofException.class, () -> VanillaPoRepProof.fromBytes(java.util.Arrays.copyOf(bytes, 100)));
    }

    @Test
    void postProofAfterFinalizeVerifiesAndFailsOnAnyFlippedBit() throws IOException {
        SectorTrees.discardTreeRLastRows(cache, SIZE);
        byte[] randomness = ChallengesFixture.bytes32(14);
        int perSector = ChallengeCounts.WINDOW_POST_CHALLENGES_PER_SECTOR;
        long[] challenges = PoStChallenges.leafChallenges(PoStApiVersion.V1_2_0, randomness, 7, 0, perSector, SIZE);
        VanillaPoStProof proof = new VanillaProver(Kernels.best()).provePoSt(7, comms.commC(), comms.commRLast(), sealed,
                cache, SIZE, challenges);
        assertTrue(proof.verifies(comms.commR(), PoStApiVersion.V1_2_0, randomness, 0, perSector, SIZE));
        byte[] bytes = proof.toBytes();
        assertEveryFlipFails(bytes, b -> VanillaPoStProof.fromBytes(b)
                .verifies(comms.commR(), PoStApiVersion.V1_2_0, randomness, 0, perSector, SIZE));
        // Another sector's comm_r, or a sealed file flipped under the cache, are refused.
        assertFalse(proof.verifies(ChallengesFixture.bytes32(1), PoStApiVersion.V1_2_0, randomness, 0, perSector, SIZE));
        byte[] s = Files.readAllBytes(sealed);
        s[(int) challenges[0] * 32] ^= 1;
        Files.write(sealed, s);
        ProofFileException e = assertThrows(ProofFileException.class, () -> new VanillaProver(Kernels.java())
                .provePoSt(7, comms.commC(), comms.commRLast(), sealed, cache, SIZE, challenges));
        assertEquals(sealed, e.file());
        Files.write(CacheFiles.treeRLast(cache), new byte[100]);
        assertThrows(ProofFileException.class, () -> new VanillaProver(Kernels.java())
                .provePoSt(7, comms.commC(), comms.commRLast(), sealed, cache, SIZE, challenges));
    }

    @Test
    void inclusionProofFailsOnAnyFlippedBitOfLeafPathOrRoot() {
        VanillaPoStProof proof = new VanillaProver(Kernels.java()).provePoSt(1, comms.commC(), comms.commRLast(), sealed,
                cache, SIZE, new long[] {0, 37, 63});
        for (InclusionProof p : proof.leafProofs()) {
            assertTrue(p.verifies(comms.commRLast(), NODES));
            assertEveryFlipFails(p.toBytes(), b -> InclusionProof.fromBytes(b).verifies(comms.commRLast(), NODES));
            for (int bit = 0; bit < 256; bit++) {
                byte[] root = comms.commRLast().clone();
                root[bit / 8] ^= (byte) (1 << (bit % 8));
                assertFalse(p.verifies(root, NODES));
            }
            assertFalse(p.verifies(comms.commRLast(), NODES * 2));
        }
    }

    /** Every single-bit change is rejected: as malformed bytes, an impossible record, or a failed verification. */
    static void assertEveryFlipFails(byte[] bytes, Predicate<byte[]> verifies) {
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            byte[] t = bytes.clone();
            t[bit / 8] ^= (byte) (1 << (bit % 8));
            boolean accepted;
            try {
                accepted = verifies.test(t);
            } catch (MalformedProofException | IllegalArgumentException e) {
                accepted = false;
            }
            assertFalse(accepted, "bit " + bit + " flipped and the proof still verifies");
        }
    }

    static final class ChallengesFixture {
        static byte[] bytes32(long seed) {
            byte[] b = new byte[32];
            new java.util.Random(seed).nextBytes(b);
            b[31] &= 0x3f;
            return b;
        }
    }
}

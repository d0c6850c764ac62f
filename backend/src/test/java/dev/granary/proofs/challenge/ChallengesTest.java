package dev.granary.proofs.challenge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * rust-fil-proofs publishes no fixed values for interactive PoRep or PoSt challenges (its tests in
 * challenges.rs are property tests on random inputs), so these are its properties plus a
 * hand-derivation of the documented formula on fixed inputs.
 */
class ChallengesTest {

    static byte[] bytes32(long seed) {
        byte[] b = new byte[32];
        new Random(seed).nextBytes(b);
        b[31] &= 0x3f;
        return b;
    }

    @Test
    void porepChallengesAreDeterministicInRangeAndNeverNodeZero() {
        long nodes = 1L << 24;
        byte[] replicaId = bytes32(1);
        byte[] seed = bytes32(2);
        long[] a = PoRepChallenges.derive(nodes, replicaId, seed, 0, 200);
        assertArrayEquals(a, PoRepChallenges.derive(nodes, replicaId, seed, 0, 200));
        Set<Long> distinct = new HashSet<>();
        for (long c : a) {
            assertTrue(c >= 1 && c < nodes, "challenge " + c);
            distinct.add(c);
        }
        assertTrue(distinct.size() >= 198, "200 draws from 2^24 nodes should hardly collide");
        assertNotEquals(a[0], PoRepChallenges.derive(nodes, replicaId, bytes32(3), 0, 1)[0]);
        // 2 KiB: 64 nodes, challenges in 1..63
        for (long c : PoRepChallenges.derive(64, replicaId, seed, 0, 500)) {
            assertTrue(c >= 1 && c <= 63);
        }
    }

    /** challenges.rs challenge_partition_equivalence: partitions 0..4 of n equal one partition of 5n. */
    @Test
    void partitionsConcatenateToOneLongPartition() {
        byte[] replicaId = bytes32(4);
        byte[] seed = bytes32(5);
        long[] one = PoRepChallenges.derive(1L << 30, replicaId, seed, 0, 200);
        for (int k = 0; k < 5; k++) {
            long[] part = PoRepChallenges.derive(1L << 30, replicaId, seed, k, 40);
            for (int i = 0; i < 40; i++) {
                assertEquals(one[k * 40 + i], part[i]);
            }
        }
    }

    @Test
    void porepChallengeFollowsTheFormula() throws Exception {
        byte[] replicaId = bytes32(6);
        byte[] seed = bytes32(7);
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(replicaId);
        md.update(seed);
        md.update(new byte[] {5, 0, 0, 0}); // j = 2 * 2 + 1 as u32 little-endian
        byte[] h = md.digest();
        byte[] be = new byte[33];
        for (int i = 0; i < 32; i++) {
            be[32 - i] = h[i];
        }
        long expected = new BigInteger(be).mod(BigInteger.valueOf(255)).longValue() + 1;
        assertEquals(expected, PoRepChallenges.derive(256, replicaId, seed, 2, 2)[1]);
    }

    @Test
    void postChallengesAreDeterministicAndInRange() {
        byte[] randomness = bytes32(8);
        byte[] prover = bytes32(9);
        long[] sectors = PoStChallenges.sectorChallenges(randomness, 100, 7, prover);
        assertArrayEquals(sectors, PoStChallenges.sectorChallenges(randomness, 100, 7, prover));
        int[] histogram = new int[7];
        for (long s : sectors) {
            histogram[(int) s]++;
        }
        for (int h : histogram) {
            assertTrue(h > 0, "every one of 7 sectors is drawn in 100 tries");
        }
        long size = 2048;
        long[] v11 = PoStChallenges.leafChallenges(PoStApiVersion.V1_1_0, randomness, 42, 1, 10, size);
        long[] v12 = PoStChallenges.leafChallenges(PoStApiVersion.V1_2_0, randomness, 42, 1, 10, size);
        for (int i = 0; i < 10; i++) {
            assertTrue(v11[i] >= 0 && v11[i] < 64);
            assertEquals(PoStChallenges.leafChallenge(randomness, 42, 10 + i, size), v11[i]);
            assertEquals(PoStChallenges.leafChallenge(randomness, 42, i, size), v12[i]);
        }
        byte[] unsafe = bytes32(10);
        unsafe[31] = (byte) 0xff;
        assertThrows(IllegalArgumentException.class, () -> PoStChallenges.leafChallenge(unsafe, 1, 0, size));
        assertThrows(IllegalArgumentException.class, () -> PoStChallenges.sectorChallenge(randomness, 0, 0, prover));
    }

    @Test
    void countsMatchTheProvingPeriodVectors() throws Exception {
        JsonNode constants;
        try (InputStream in = ChallengesTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            constants = new ObjectMapper().readTree(in).get("proving_period").get("constants");
        }
        assertEquals(constants.get("WindowPoStChallengesPerSector").asInt(), ChallengeCounts.WINDOW_POST_CHALLENGES_PER_SECTOR);
        assertEquals(constants.get("WinningPoStChallenges").asInt(), ChallengeCounts.WINNING_POST_CHALLENGES);
        JsonNode perPartition = constants.get("WindowPoStSectorsPerPartition");
        assertEquals(perPartition.get("2KiB").asInt(), ChallengeCounts.windowPostSectorsPerPartition(2L << 10));
        assertEquals(perPartition.get("8MiB").asInt(), ChallengeCounts.windowPostSectorsPerPartition(8L << 20));
        assertEquals(perPartition.get("512MiB").asInt(), ChallengeCounts.windowPostSectorsPerPartition(512L << 20));
        assertEquals(perPartition.get("32GiB").asInt(), ChallengeCounts.windowPostSectorsPerPartition(32L << 30));
        assertEquals(perPartition.get("64GiB").asInt(), ChallengeCounts.windowPostSectorsPerPartition(64L << 30));
        assertEquals(2, ChallengeCounts.porepChallengesPerPartition(2L << 10));
        assertEquals(18, ChallengeCounts.porepChallengesPerPartition(32L << 30));
        assertEquals(180, PoRepChallenges.forSector(32L << 30, bytes32(1), bytes32(2)).length);
    }
}

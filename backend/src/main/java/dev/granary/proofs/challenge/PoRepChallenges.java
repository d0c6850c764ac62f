package dev.granary.proofs.challenge;

import java.math.BigInteger;
import java.security.MessageDigest;

/**
 * Interactive PoRep challenges exactly as rust-fil-proofs derives them
 * (storage-proofs-porep stacked/vanilla/challenges.rs, InteractiveChallenges::derive): challenge i
 * of partition k is SHA-256(replica_id || seed || u32le(k * per_partition + i)) read as a
 * little-endian integer, reduced mod (nodes - 1), plus 1 (node 0 is never challenged).
 */
public final class PoRepChallenges {

    private PoRepChallenges() {
    }

    public static long[] derive(long sectorNodes, byte[] replicaId, byte[] seed, int partition, int perPartition) {
        Sha256.require32(replicaId, "replica id");
        Sha256.require32(seed, "seed");
        if (sectorNodes < 2 || sectorNodes > 1L << 32) {
            // rust-fil-proofs asserts sector_nodes < 2^32 and keeps only the low 32-bit digit.
            throw new IllegalArgumentException("sector of " + sectorNodes + " nodes is outside 2..2^32");
        }
        if (partition < 0 || partition > 255 || perPartition <= 0) {
            throw new IllegalArgumentException("partition " + partition + " (0..255) with " + perPartition
                    + " challenges each is out of range");
        }
        BigInteger modulus = BigInteger.valueOf(sectorNodes - 1);
        long[] out = new long[perPartition];
        for (int i = 0; i < perPartition; i++) {
            MessageDigest md = Sha256.create();
            md.update(replicaId);
            md.update(seed);
            md.update(Sha256.le32(perPartition * partition + i));
            out[i] = fromLittleEndian(md.digest()).mod(modulus).longValue() + 1;
        }
        return out;
    }

    /** All challenges of a sector size's interactive PoRep (every partition, in order). */
    public static long[] forSector(long sectorSize, byte[] replicaId, byte[] seed) {
        int partitions = ChallengeCounts.porepPartitions(sectorSize);
        int per = ChallengeCounts.porepChallengesPerPartition(sectorSize);
        long[] all = new long[partitions * per];
        for (int k = 0; k < partitions; k++) {
            System.arraycopy(derive(sectorSize / 32, replicaId, seed, k, per), 0, all, k * per, per);
        }
        return all;
    }

    static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length + 1];
        for (int i = 0; i < le.length; i++) {
            be[le.length - i] = le[i];
        }
        return new BigInteger(be);
    }
}

package dev.granary.proofs.challenge;

import java.math.BigInteger;
import java.security.MessageDigest;

/**
 * WindowPoSt and WinningPoSt challenges exactly as rust-fil-proofs derives them
 * (storage-proofs-post fallback/vanilla.rs generate_sector_challenge and
 * generate_leaf_challenge_inner; filecoin-proofs api/winning_post.rs).
 *
 * <p>Randomness and prover id are 32-byte little-endian field elements: rust-fil-proofs turns them
 * into tree domain elements with as_safe_commitment (bytes_into_fr, which refuses values at or
 * above r), and Lotus clears the top two bits of the chain randomness before it asks for
 * challenges. Values at or above r are refused here too.
 */
public final class PoStChallenges {

    private static final BigInteger FIELD_ORDER =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    private PoStChallenges() {
    }

    /**
     * Sector challenge n: u64le(SHA-256(prover_id || randomness || u64le(n))[0..8]) mod
     * sector_set_len (n is a Rust usize, 8 bytes on 64-bit).
     */
    public static long sectorChallenge(byte[] randomness, long n, long sectorSetLength, byte[] proverId) {
        requireSafe(randomness, "randomness");
        requireSafe(proverId, "prover id");
        if (sectorSetLength <= 0) {
            throw new IllegalArgumentException("empty sector set is invalid");
        }
        MessageDigest md = Sha256.create();
        md.update(proverId);
        md.update(randomness);
        md.update(Sha256.le64(n));
        return Long.remainderUnsigned(Sha256.readLe64(md.digest()), sectorSetLength);
    }

    public static long[] sectorChallenges(byte[] randomness, int count, long sectorSetLength, byte[] proverId) {
        long[] out = new long[count];
        for (int n = 0; n < count; n++) {
            out[n] = sectorChallenge(randomness, n, sectorSetLength, proverId);
        }
        return out;
    }

    /** WinningPoSt: indices (into the caller's sector set) of the {@value ChallengeCounts#WINNING_POST_SECTORS} challenged sector. */
    public static long[] winningSectors(byte[] randomness, long sectorSetLength, byte[] proverId) {
        return sectorChallenges(randomness, ChallengeCounts.WINNING_POST_SECTORS, sectorSetLength, proverId);
    }

    /** Leaf challenge: u64le(SHA-256(randomness || u64le(sector_id) || u64le(index))[0..8]) mod (sector_size / 32). */
    public static long leafChallenge(byte[] randomness, long sectorId, long challengeIndex, long sectorSize) {
        requireSafe(randomness, "randomness");
        if (sectorSize < 64 || sectorSize % 32 != 0) {
            throw new IllegalArgumentException("sector size " + sectorSize + " is not a whole number of nodes");
        }
        MessageDigest md = Sha256.create();
        md.update(randomness);
        md.update(Sha256.le64(sectorId));
        md.update(Sha256.le64(challengeIndex));
        return Long.remainderUnsigned(Sha256.readLe64(md.digest()), sectorSize / 32);
    }

    /**
     * The leaves challenged in the sector at {@code sectorIndex} of a proof (its position across the
     * partitions, j * sectors_per_partition + i in rust-fil-proofs).
     */
    public static long[] leafChallenges(PoStApiVersion version, byte[] randomness, long sectorId, int sectorIndex,
            int challengesPerSector, long sectorSize) {
        long[] out = new long[challengesPerSector];
        for (int n = 0; n < challengesPerSector; n++) {
            out[n] = leafChallenge(randomness, sectorId, version.challengeIndex(sectorIndex, challengesPerSector, n),
                    sectorSize);
        }
        return out;
    }

    private static void requireSafe(byte[] value, String what) {
        Sha256.require32(value, what);
        if (PoRepChallenges.fromLittleEndian(value).compareTo(FIELD_ORDER) >= 0) {
            throw new IllegalArgumentException(what + " is not below the field order r; clear its top two bits "
                    + "(byte 31 &= 0x3f) as Lotus does");
        }
    }
}

package dev.granary.proofs.challenge;

/**
 * Challenge counts by sector size, from rust-fil-proofs filecoin-proofs constants.rs
 * (WINDOW_POST_CHALLENGE_COUNT, WINNING_POST_CHALLENGE_COUNT, WINNING_POST_SECTOR_COUNT,
 * WINDOW_POST_SECTOR_COUNT, POREP_PARTITIONS, get_porep_interactive_minimum_challenges) and
 * parameters.rs select_challenges (per partition = ceil(minimum / partitions)).
 */
public final class ChallengeCounts {

    public static final int WINDOW_POST_CHALLENGES_PER_SECTOR = 10;
    public static final int WINNING_POST_CHALLENGES = 66;
    public static final int WINNING_POST_SECTORS = 1;

    private static final long GIB_32 = 32L << 30;
    private static final long GIB_64 = 64L << 30;

    private ChallengeCounts() {
    }

    private static boolean production(long sectorSize) {
        return sectorSize == GIB_32 || sectorSize == GIB_64;
    }

    private static boolean testSize(long sectorSize) {
        return sectorSize == 2L << 10 || sectorSize == 4L << 10 || sectorSize == 16L << 10 || sectorSize == 32L << 10
                || sectorSize == 8L << 20 || sectorSize == 16L << 20 || sectorSize == 512L << 20 || sectorSize == 1L << 30;
    }

    private static void requireSupported(long sectorSize) {
        if (!production(sectorSize) && !testSize(sectorSize)) {
            throw new IllegalArgumentException("sector size " + sectorSize + " has no challenge parameters");
        }
    }

    /** Interactive PoRep partitions: 10 for 32/64 GiB, 1 below. */
    public static int porepPartitions(long sectorSize) {
        requireSupported(sectorSize);
        return production(sectorSize) ? 10 : 1;
    }

    /** Minimum interactive PoRep challenges over all partitions: 176 for 32/64 GiB, 2 below. */
    public static int porepMinimumChallenges(long sectorSize) {
        requireSupported(sectorSize);
        return production(sectorSize) ? 176 : 2;
    }

    public static int porepChallengesPerPartition(long sectorSize) {
        int partitions = porepPartitions(sectorSize);
        return (porepMinimumChallenges(sectorSize) + partitions - 1) / partitions;
    }

    /** Sectors in one WindowPoSt partition: 2349 (32 GiB), 2300 (64 GiB), 2 for test sizes. */
    public static int windowPostSectorsPerPartition(long sectorSize) {
        requireSupported(sectorSize);
        if (sectorSize == GIB_32) {
            return 2349;
        }
        return sectorSize == GIB_64 ? 2300 : 2;
    }
}

package dev.granary.chain.actors.miner;

import java.util.Optional;

/**
 * go-state-types' RegisteredPoStProof numbering, with each proof's sector size and Window PoSt
 * partition size (ref-fvm registered_proof.rs). New miners may use only the V1_1 window proofs, as
 * builtin-actors' policy allows since FIP-0061.
 */
public enum RegisteredPoStProof {
    STACKED_DRG_WINNING_2KIB_V1(0, 2L << 10, 2, false),
    STACKED_DRG_WINNING_8MIB_V1(1, 8L << 20, 2, false),
    STACKED_DRG_WINNING_512MIB_V1(2, 512L << 20, 2, false),
    STACKED_DRG_WINNING_32GIB_V1(3, 32L << 30, 2349, false),
    STACKED_DRG_WINNING_64GIB_V1(4, 64L << 30, 2300, false),
    STACKED_DRG_WINDOW_2KIB_V1(5, 2L << 10, 2, false),
    STACKED_DRG_WINDOW_8MIB_V1(6, 8L << 20, 2, false),
    STACKED_DRG_WINDOW_512MIB_V1(7, 512L << 20, 2, false),
    STACKED_DRG_WINDOW_32GIB_V1(8, 32L << 30, 2349, false),
    STACKED_DRG_WINDOW_64GIB_V1(9, 64L << 30, 2300, false),
    STACKED_DRG_WINDOW_2KIB_V1_1(10, 2L << 10, 2, true),
    STACKED_DRG_WINDOW_8MIB_V1_1(11, 8L << 20, 2, true),
    STACKED_DRG_WINDOW_512MIB_V1_1(12, 512L << 20, 2, true),
    STACKED_DRG_WINDOW_32GIB_V1_1(13, 32L << 30, 2349, true),
    STACKED_DRG_WINDOW_64GIB_V1_1(14, 64L << 30, 2300, true);

    private final long number;
    private final long sectorSize;
    private final long windowPoStPartitionSectors;
    private final boolean allowedForNewMiners;

    RegisteredPoStProof(long number, long sectorSize, long windowPoStPartitionSectors, boolean allowedForNewMiners) {
        this.number = number;
        this.sectorSize = sectorSize;
        this.windowPoStPartitionSectors = windowPoStPartitionSectors;
        this.allowedForNewMiners = allowedForNewMiners;
    }

    /** The number messages and state carry. */
    public long number() {
        return number;
    }

    /** Sector size in bytes. */
    public long sectorSize() {
        return sectorSize;
    }

    public long windowPoStPartitionSectors() {
        return windowPoStPartitionSectors;
    }

    public boolean allowedForNewMiners() {
        return allowedForNewMiners;
    }

    public static Optional<RegisteredPoStProof> byNumber(long number) {
        for (RegisteredPoStProof proof : values()) {
            if (proof.number == number) {
                return Optional.of(proof);
            }
        }
        return Optional.empty();
    }

    /** The V1_1 window proof for sectors of {@code sectorSize} bytes, as a CLI builds CreateMiner from "2KiB". */
    public static Optional<RegisteredPoStProof> windowV1_1ForSectorSize(long sectorSize) {
        for (RegisteredPoStProof proof : values()) {
            if (proof.allowedForNewMiners && proof.sectorSize == sectorSize) {
                return Optional.of(proof);
            }
        }
        return Optional.empty();
    }
}

package dev.granary.chain.actors.miner;

import dev.granary.units.ByteSize;
import java.util.List;
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

    /** The sector sizes a new miner may have, as an operator writes them ("2KiB"). */
    public static final List<String> NEW_MINER_SECTOR_SIZES = List.of("2KiB", "8MiB", "512MiB", "32GiB", "64GiB");

    /**
     * The window proof a new miner of this sector size gets ("2KiB", "32 GiB", "34359738368"): what the CLI,
     * REST and dashboard put in CreateMiner. IllegalArgumentException naming the allowed sizes otherwise.
     */
    public static RegisteredPoStProof forNewMiner(String sectorSize) {
        Optional<RegisteredPoStProof> proof;
        try {
            proof = windowV1_1ForSectorSize(ByteSize.parse(sectorSize == null ? "" : sectorSize.strip()));
        } catch (IllegalArgumentException e) {
            proof = Optional.empty();
        }
        return proof.orElseThrow(() -> new IllegalArgumentException("'" + sectorSize + "' is not a sector size a"
            + " miner can have; use " + String.join(", ", NEW_MINER_SECTOR_SIZES.subList(0, 4)) + " or "
            + NEW_MINER_SECTOR_SIZES.get(4)));
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

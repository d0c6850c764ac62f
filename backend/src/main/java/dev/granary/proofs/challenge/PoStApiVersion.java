package dev.granary.proofs.challenge;

/**
 * rust-fil-proofs' ApiVersion as far as PoSt leaf challenges care (storage-proofs-post
 * fallback/utils.rs get_challenge_index): up to 1.1.0 the challenge index runs on across the
 * sectors of a partition, from 1.2.0 it restarts at 0 for every sector.
 */
public enum PoStApiVersion {
    V1_0_0, V1_1_0, V1_2_0;

    public long challengeIndex(int sectorIndex, int challengesPerSector, int challenge) {
        return this == V1_2_0 ? challenge : (long) sectorIndex * challengesPerSector + challenge;
    }
}

package dev.granary.multiformats;

import java.util.Optional;

/** The entries of the multicodec table that Granary uses, with their table names and codes. */
public enum Multicodec {

    IDENTITY("identity", 0x00),
    SHA2_256("sha2-256", 0x12),
    RAW("raw", 0x55),
    DAG_PB("dag-pb", 0x70),
    DAG_CBOR("dag-cbor", 0x71),
    BLAKE2B_256("blake2b-256", 0xb220),
    CAR("car", 0x0202),
    CAR_INDEX_SORTED("car-index-sorted", 0x0400),
    CAR_MULTIHASH_INDEX_SORTED("car-multihash-index-sorted", 0x0401),
    FR32_SHA256_TRUNC254_PADBINTREE("fr32-sha256-trunc254-padbintree", 0x1011),
    SHA2_256_TRUNC254_PADDED("sha2-256-trunc254-padded", 0x1012),
    FIL_COMMITMENT_UNSEALED("fil-commitment-unsealed", 0xf101),
    FIL_COMMITMENT_SEALED("fil-commitment-sealed", 0xf102);

    private final String tableName;
    private final long code;

    Multicodec(String tableName, long code) {
        this.tableName = tableName;
        this.code = code;
    }

    /** The name in the multicodec table, e.g. "dag-cbor". */
    public String tableName() {
        return tableName;
    }

    public long code() {
        return code;
    }

    public static Optional<Multicodec> byCode(long code) {
        for (Multicodec c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** "raw (0x55)", or just the hex code when the code is not one of ours; for error messages. */
    public static String describe(long code) {
        String hex = "0x" + Long.toHexString(code);
        return byCode(code).map(c -> c.tableName + " (" + hex + ")").orElse(hex);
    }
}

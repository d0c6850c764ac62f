package dev.granary.kv;

import java.nio.charset.StandardCharsets;

/** The named column families of the node's RocksDB. Names are stored on disk: never rename one. */
public enum ColumnFamily {
    /** RocksDB's own, required to exist; kept empty. */
    DEFAULT("default"),
    /** Node identity and small bookkeeping values. */
    META("meta"),
    /** Chain blocks, messages and receipts keyed by CID. */
    CHAIN_BLOCKS("chain-blocks"),
    /** State-trie nodes keyed by CID. */
    CHAIN_STATE("chain-state"),
    /** Dagstore index: multihash to piece, offset and length. */
    DAGSTORE_INDEX("dagstore-index"),
    /** Message pool: signed messages waiting for inclusion, keyed by sender ID address and nonce. */
    MPOOL("mpool");

    private final String storedName;

    ColumnFamily(String storedName) {
        this.storedName = storedName;
    }

    public String storedName() {
        return storedName;
    }

    public byte[] storedNameBytes() {
        return storedName.getBytes(StandardCharsets.UTF_8);
    }
}

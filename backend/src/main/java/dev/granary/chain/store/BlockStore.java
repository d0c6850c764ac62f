package dev.granary.chain.store;

import dev.granary.cbor.CborCodec;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multihash;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Content-addressed dag-cbor blocks of the chain (headers, messages, receipts, MsgMeta) in the
 * CHAIN_BLOCKS column family, keyed by CID bytes. Every put checks that the CID's multihash is the
 * hash of the data, so a block read back by CID is always the block that CID names.
 */
public final class BlockStore {

    private final KvStore kv;
    private final ColumnFamilyHandle column;

    public BlockStore(KvStore kv) {
        this.kv = kv;
        this.column = kv.handle(ColumnFamily.CHAIN_BLOCKS);
    }

    /** Stores {@code data} under {@code cid} durably, after checking the CID names it. */
    public void put(Cid cid, byte[] data) {
        requireCidNamesData(cid, data);
        kv.putDurably(ColumnFamily.CHAIN_BLOCKS, cid.bytes(), data);
    }

    /** Encodes {@code value}, stores it and returns its CID (dag-cbor, blake2b-256). */
    public <T> Cid put(CborCodec<T> codec, T value) {
        byte[] data = codec.encode(value);
        Cid cid = codec.cid(value);
        kv.putDurably(ColumnFamily.CHAIN_BLOCKS, cid.bytes(), data);
        return cid;
    }

    /**
     * Stores every block, after checking each CID names its data, in one synced write batch: a
     * structure (an AMT, a block's messages) lands whole or not at all.
     */
    public void putAll(Map<Cid, byte[]> blocks) {
        try (WriteBatch batch = new WriteBatch()) {
            blocks.forEach((cid, data) -> stage(batch, cid, data));
            kv.write(batch);
        }
    }

    /** Adds the block to {@code batch}, to be written with other changes that must land together. */
    void stage(WriteBatch batch, Cid cid, byte[] data) {
        requireCidNamesData(cid, data);
        try {
            batch.put(column, cid.bytes(), data);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("staging block " + cid + " in a write batch: " + e.getMessage(), e);
        }
    }

    public Optional<byte[]> get(Cid cid) {
        return Optional.ofNullable(kv.get(ColumnFamily.CHAIN_BLOCKS, cid.bytes()));
    }

    public <T> Optional<T> get(Cid cid, CborCodec<T> codec) {
        return get(cid).map(codec::decode);
    }

    private static void requireCidNamesData(Cid cid, byte[] data) {
        Multihash expected = cid.multihash();
        Multihash actual = Multihash.sum(expected.code(), data);
        if (!actual.equals(expected)) {
            throw new ChainStoreException("refusing to store " + data.length + " bytes under " + cid
                + ": their hash is " + actual + "; compute the CID from the data being stored");
        }
    }
}

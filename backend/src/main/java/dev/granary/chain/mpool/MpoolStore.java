package dev.granary.chain.mpool;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;

/**
 * The pool as persisted in the {@code mpool} column family: one entry per pending message, valued by
 * its signed-message CBOR. Every write is synced before it returns, so a restart, even after kill -9,
 * finds exactly the messages whose add returned.
 */
final class MpoolStore {

    /** A stored message and the sender ID it is filed under. */
    record Entry(long senderId, SignedMessage message) {
    }

    private final KvStore kv;
    private final ColumnFamilyHandle column;

    MpoolStore(KvStore kv) {
        this.kv = kv;
        this.column = kv.handle(ColumnFamily.MPOOL);
    }

    /** Every stored message, by sender ID then nonce (RocksDB key order). */
    List<Entry> loadAll() {
        List<byte[]> keys = new ArrayList<>();
        kv.forEachKey(ColumnFamily.MPOOL, keys::add);
        List<Entry> entries = new ArrayList<>(keys.size());
        for (byte[] key : keys) {
            byte[] value = kv.get(ColumnFamily.MPOOL, key);
            if (value != null) {
                entries.add(decode(key, value));
            }
        }
        return entries;
    }

    private static Entry decode(byte[] key, byte[] value) {
        String where = "message pool entry " + HexFormat.of().formatHex(key);
        try {
            SignedMessage message = SignedMessage.fromCbor(value);
            long senderId = MpoolKeys.senderId(key);
            long nonce = MpoolKeys.nonce(key);
            if (message.message().nonce() != nonce) {
                throw new IllegalStateException(where + " is filed under nonce " + Long.toUnsignedString(nonce)
                        + " but holds nonce " + Long.toUnsignedString(message.message().nonce()));
            }
            return new Entry(senderId, message);
        } catch (RuntimeException e) {
            throw new IllegalStateException("loading the message pool: " + where + " is unreadable (" + e.getMessage()
                    + "); the column family 'mpool' is damaged: restore the RocksDB from a backup or drop the "
                    + "column family to start with an empty pool", e);
        }
    }

    /** Stores {@code message}, replacing any message of the same sender and nonce in the same write. */
    void put(long senderId, SignedMessage message) {
        kv.putDurably(ColumnFamily.MPOOL, MpoolKeys.key(senderId, message.message().nonce()), message.toCbor());
    }

    /** Deletes the messages at these (sender ID, nonce) keys in one synced batch. */
    void deleteAll(List<byte[]> keys) {
        if (keys.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (byte[] key : keys) {
                batch.delete(column, key);
            }
            kv.write(batch);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("building the batch removing " + keys.size() + " mpool messages: "
                    + e.getMessage(), e);
        }
    }
}

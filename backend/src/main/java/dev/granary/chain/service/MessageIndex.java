package dev.granary.chain.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Message CID → height of the tipset that included it, so StateSearchMsg and StateWaitMsg find a
 * message without scanning the chain. Written after each new head; re-written for the head at start,
 * which covers a crash between the head write and the index write (entries are idempotent).
 */
final class MessageIndex {

    private static final byte[] PREFIX = "idx/msg/".getBytes(StandardCharsets.US_ASCII);

    private final KvStore kv;

    MessageIndex(KvStore kv) {
        this.kv = kv;
    }

    /** One synced batch per tipset: a block of many messages costs one disk flush, not one per message. */
    void record(Iterable<Cid> messages, long height) {
        byte[] value = ByteBuffer.allocate(Long.BYTES).putLong(height).array();
        try (WriteBatch batch = new WriteBatch()) {
            for (Cid cid : messages) {
                batch.put(kv.handle(ColumnFamily.CHAIN_BLOCKS), key(cid), value);
            }
            kv.write(batch);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("indexing the messages included at height " + height + ": " + e.getMessage(), e);
        }
    }

    OptionalLong includedAt(Cid message) {
        byte[] value = kv.get(ColumnFamily.CHAIN_BLOCKS, key(message));
        return value == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(value).getLong());
    }

    private static byte[] key(Cid cid) {
        byte[] bytes = cid.bytes();
        return ByteBuffer.allocate(PREFIX.length + bytes.length).put(PREFIX).put(bytes).array();
    }
}

package dev.granary.chain.state;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Mark-and-sweep over CHAIN_STATE: marks every node reachable from the roots to keep, deletes every
 * other key, then compacts the column family so the space actually returns to the disk. Memory is one
 * set entry per live node. Must not run while a {@link StateSession} builds on a root being dropped,
 * or while a commit is in flight (its new nodes are not yet reachable from a kept root).
 */
public final class TriePruner {

    /** Deletes go out in batches of this many keys; deleting unreachable nodes is safe to redo, so no single batch is needed. */
    private static final int DELETE_BATCH = 10_000;

    /** What a prune did. */
    public record Result(long kept, long deleted) {
    }

    private TriePruner() {
    }

    /**
     * Keeps the nodes of {@code keepRoots} and deletes all others. Every kept root must be complete:
     * a missing node aborts before anything is deleted.
     */
    public static Result prune(KvStore kv, Collection<Cid> keepRoots) {
        Set<ByteBuffer> live = mark(kv, keepRoots);
        long deleted = sweep(kv, live);
        kv.compactRange(ColumnFamily.CHAIN_STATE);
        return new Result(live.size(), deleted);
    }

    private static Set<ByteBuffer> mark(KvStore kv, Collection<Cid> keepRoots) {
        NodeStore store = new NodeStore(kv);
        Set<Cid> seen = new HashSet<>();
        Set<ByteBuffer> live = new HashSet<>();
        for (Cid root : keepRoots) {
            TrieWalk.forEachNode(store, root, seen, (cid, bytes) -> live.add(ByteBuffer.wrap(cid.bytes())));
        }
        return live;
    }

    private static long sweep(KvStore kv, Set<ByteBuffer> live) {
        long[] deleted = {0};
        WriteBatch[] batch = {new WriteBatch()};
        try {
            kv.forEachKey(ColumnFamily.CHAIN_STATE, key -> {
                if (live.contains(ByteBuffer.wrap(key))) {
                    return;
                }
                delete(kv, batch[0], key);
                deleted[0]++;
                if (batch[0].count() >= DELETE_BATCH) {
                    kv.write(batch[0]);
                    batch[0].close();
                    batch[0] = new WriteBatch();
                }
            });
            kv.write(batch[0]);
        } finally {
            batch[0].close();
        }
        return deleted[0];
    }

    private static void delete(KvStore kv, WriteBatch batch, byte[] key) {
        try {
            batch.delete(kv.handle(ColumnFamily.CHAIN_STATE), key);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("adding a state node delete to the prune batch: " + e.getMessage(), e);
        }
    }
}

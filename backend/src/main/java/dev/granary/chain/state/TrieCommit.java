package dev.granary.chain.state;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import dev.granary.chain.state.TrieNode.Branch;
import dev.granary.chain.state.TrieNode.Extension;
import dev.granary.chain.state.TrieNode.Leaf;
import dev.granary.chain.state.TrieNode.Ref;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Writes a session's fresh nodes, children before parents so each parent can name its children's
 * CIDs, into one RocksDB write batch: a crash leaves either none of the new nodes or all of them.
 * Stored links are already on disk and are not touched.
 */
final class TrieCommit {

    private final KvStore kv;
    private final WriteBatch batch = new WriteBatch();
    private int written;

    private TrieCommit(KvStore kv) {
        this.kv = kv;
    }

    /** The new root and how many nodes the batch wrote. */
    record Result(Cid root, int nodesWritten) {
    }

    /** Persists the trie under {@code root} (null: empty) and returns its root CID. */
    static Result commit(KvStore kv, TrieNode root) {
        TrieCommit commit = new TrieCommit(kv);
        try {
            Cid cid = root == null ? commit.put(NodeStore.emptyBytes()) : commit.persist(root);
            kv.write(commit.batch);
            return new Result(cid, commit.written);
        } finally {
            commit.batch.close();
        }
    }

    private Cid persist(TrieNode node) {
        TrieNode linked = switch (node) {
            case Leaf l -> l;
            case Extension e -> new Extension(e.path(), stored(e.child()));
            case Branch b -> {
                Ref[] children = new Ref[Branch.WIDTH];
                for (int i = 0; i < Branch.WIDTH; i++) {
                    children[i] = b.children()[i] == null ? null : stored(b.children()[i]);
                }
                yield new Branch(children, b.value());
            }
        };
        return put(TrieNodeCodec.encode(linked));
    }

    private Ref stored(Ref ref) {
        return switch (ref) {
            case Ref.Stored s -> s;
            case Ref.Fresh f -> new Ref.Stored(persist(f.node()));
        };
    }

    private Cid put(byte[] encoded) {
        Cid cid = NodeStore.cidOf(encoded);
        try {
            batch.put(kv.handle(ColumnFamily.CHAIN_STATE), cid.bytes(), encoded);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("adding trie node " + cid + " to the commit batch: " + e.getMessage(), e);
        }
        written++;
        return cid;
    }
}

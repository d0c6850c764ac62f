package dev.granary.chain.state;

import java.util.Iterator;

import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * The state trie as it is at one root: read-only, and safe to share between threads because stored
 * nodes never change (they are named by their hash). Reads load nodes from RocksDB as they go.
 */
public final class StateView {

    /** The root CID of the trie with no entries: CIDv1(dag-cbor, blake2b-256) of dag-cbor null. */
    public static final Cid EMPTY_ROOT = NodeStore.EMPTY_ROOT;

    private final NodeStore store;
    private final Cid root;
    private final TrieNode rootNode;

    private StateView(NodeStore store, Cid root) {
        this.store = store;
        this.root = root;
        this.rootNode = store.load(root);
    }

    /** The view at {@code root}; throws {@link MissingNodeException} if the root is not stored. */
    public static StateView at(KvStore kv, Cid root) {
        return new StateView(new NodeStore(kv), root);
    }

    public Cid root() {
        return root;
    }

    /** The value under {@code key}, or null if there is none. */
    public byte[] get(byte[] key) {
        byte[] value = new TrieOps(store).get(rootNode, Nibbles.ofKey(key));
        return value == null ? null : value.clone();
    }

    /** All entries in ascending unsigned byte order of their keys. */
    public Iterator<TrieEntry> iterator() {
        return new TrieIterator(store, rootNode);
    }

    /** A session that starts from this state and commits new roots, leaving this view as it is. */
    public StateSession edit() {
        return new StateSession(store, root, rootNode);
    }
}

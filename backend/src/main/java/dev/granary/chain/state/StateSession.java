package dev.granary.chain.state;

import java.util.Iterator;

import dev.granary.chain.state.TrieNode.Ref;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * Changes to the state trie, kept in memory until {@link #commit()} writes the new nodes and returns
 * the new root. Reads see the session's own changes. Not thread-safe: one writer per session.
 * Pruning must not run while a session is open on a root it may drop.
 */
public final class StateSession {

    private final NodeStore store;
    private final TrieOps ops;
    private TrieNode root;
    private Cid committedRoot;
    private boolean dirty;
    private int nodesWrittenByLastCommit;

    StateSession(NodeStore store, Cid committedRoot, TrieNode root) {
        this.store = store;
        this.ops = new TrieOps(store);
        this.committedRoot = committedRoot;
        this.root = root;
    }

    /** A session starting from {@code root}. */
    public static StateSession on(KvStore kv, Cid root) {
        return StateView.at(kv, root).edit();
    }

    /** A session starting from the empty trie. */
    public static StateSession empty(KvStore kv) {
        return new StateSession(new NodeStore(kv), StateView.EMPTY_ROOT, null);
    }

    public byte[] get(byte[] key) {
        byte[] value = ops.get(root, Nibbles.ofKey(key));
        return value == null ? null : value.clone();
    }

    public StateSession put(byte[] key, byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a state value cannot be null: delete the key instead");
        }
        root = ops.put(root, Nibbles.ofKey(key), value.clone());
        dirty = true;
        return this;
    }

    public StateSession delete(byte[] key) {
        TrieNode updated = ops.delete(root, Nibbles.ofKey(key));
        dirty |= updated != root;
        root = updated;
        return this;
    }

    /** Entries as the session sees them, in ascending key order. */
    public Iterator<TrieEntry> iterator() {
        return new TrieIterator(store, root);
    }

    /**
     * Writes the nodes created since the last commit in one atomic batch and returns the new root. With
     * no changes it returns the current root and writes nothing.
     */
    public Cid commit() {
        if (!dirty) {
            nodesWrittenByLastCommit = 0;
            return committedRoot;
        }
        TrieCommit.Result result = TrieCommit.commit(store.kv(), root);
        committedRoot = result.root();
        // Continue from the stored root so the committed fresh nodes can be garbage-collected.
        root = root == null ? null : store.resolve(new Ref.Stored(committedRoot));
        nodesWrittenByLastCommit = result.nodesWritten();
        dirty = false;
        return committedRoot;
    }

    /** The root of the last commit, or the starting root before any. */
    public Cid committedRoot() {
        return committedRoot;
    }

    /** How many nodes the last {@link #commit()} wrote: only those on changed paths. */
    public int nodesWrittenByLastCommit() {
        return nodesWrittenByLastCommit;
    }
}

package dev.granary.chain.state;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

import dev.granary.chain.state.TrieNode.Branch;
import dev.granary.chain.state.TrieNode.Extension;
import dev.granary.chain.state.TrieNode.Leaf;
import dev.granary.chain.state.TrieNode.Ref;

/**
 * Entries in ascending unsigned key order, loading nodes only as the walk reaches them. A branch's own
 * value comes before its children because its key is a prefix of theirs, and children go 0 to f.
 */
final class TrieIterator implements Iterator<TrieEntry> {

    /** Work still to do: a node under its path from the root, or an entry ready to hand out. */
    private sealed interface Pending {
    }

    private record Visit(Nibbles prefix, Ref node) implements Pending {
    }

    private record Ready(TrieEntry entry) implements Pending {
    }

    private final NodeStore store;
    private final Deque<Pending> stack = new ArrayDeque<>();
    private TrieEntry next;

    TrieIterator(NodeStore store, TrieNode root) {
        this.store = store;
        if (root != null) {
            stack.push(new Visit(Nibbles.EMPTY, new Ref.Fresh(root)));
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !stack.isEmpty()) {
            switch (stack.pop()) {
                case Ready r -> next = r.entry();
                case Visit v -> expand(v);
            }
        }
        return next != null;
    }

    @Override
    public TrieEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more trie entries");
        }
        TrieEntry entry = next;
        next = null;
        return entry;
    }

    private void expand(Visit visit) {
        switch (store.resolve(visit.node())) {
            case null -> { }
            case Leaf l -> next = entry(visit.prefix().concat(l.path()), l.value());
            case Extension e -> stack.push(new Visit(visit.prefix().concat(e.path()), e.child()));
            case Branch b -> {
                for (int i = Branch.WIDTH - 1; i >= 0; i--) {
                    if (b.children()[i] != null) {
                        stack.push(new Visit(visit.prefix().concat(Nibbles.single(i)), b.children()[i]));
                    }
                }
                if (b.value() != null) {
                    next = entry(visit.prefix(), b.value());
                }
            }
        }
    }

    private static TrieEntry entry(Nibbles path, byte[] value) {
        return new TrieEntry(path.toKey(), value.clone());
    }
}

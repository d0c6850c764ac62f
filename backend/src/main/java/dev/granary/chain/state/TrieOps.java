package dev.granary.chain.state;

import dev.granary.chain.state.TrieNode.Branch;
import dev.granary.chain.state.TrieNode.Extension;
import dev.granary.chain.state.TrieNode.Leaf;
import dev.granary.chain.state.TrieNode.Ref;

/**
 * Lookup, insert and delete on the persistent trie. Updates never modify a node: they return new
 * nodes (linked as {@link Ref.Fresh}) along the changed path and share everything else, and a delete
 * of an absent key returns the very node it was given, so nothing is rewritten. Every result is in
 * canonical shape ({@link TrieNode}), which is what makes the root independent of insertion order.
 */
final class TrieOps {

    private final NodeStore store;

    TrieOps(NodeStore store) {
        this.store = store;
    }

    byte[] get(TrieNode root, Nibbles path) {
        TrieNode node = root;
        int at = 0;
        while (node != null) {
            switch (node) {
                case Leaf l -> {
                    return path.endsWithAt(at, l.path()) ? l.value() : null;
                }
                case Extension e -> {
                    if (!path.hasAt(at, e.path())) {
                        return null;
                    }
                    at += e.path().length();
                    node = store.resolve(e.child());
                }
                case Branch b -> {
                    if (at == path.length()) {
                        return b.value();
                    }
                    Ref child = b.children()[path.at(at)];
                    at++;
                    node = child == null ? null : store.resolve(child);
                }
            }
        }
        return null;
    }

    TrieNode put(TrieNode node, Nibbles path, byte[] value) {
        return switch (node) {
            case null -> new Leaf(path, value);
            case Leaf l -> putIntoLeaf(l, path, value);
            case Extension e -> putIntoExtension(e, path, value);
            case Branch b -> putIntoBranch(b, path, value);
        };
    }

    private TrieNode putIntoLeaf(Leaf leaf, Nibbles path, byte[] value) {
        if (leaf.path().equals(path)) {
            return new Leaf(path, value);
        }
        int common = leaf.path().commonPrefix(path);
        Branch branch = withEntry(Branch.empty(), leaf.path().from(common), leaf.value());
        branch = withEntry(branch, path.from(common), value);
        return underPrefix(path.slice(0, common), branch);
    }

    private TrieNode putIntoExtension(Extension ext, Nibbles path, byte[] value) {
        int common = ext.path().commonPrefix(path);
        if (common == ext.path().length()) {
            TrieNode child = put(store.resolve(ext.child()), path.from(common), value);
            return new Extension(ext.path(), new Ref.Fresh(child));
        }
        // The new key leaves the shared run at nibble `common`: split the extension there.
        Nibbles below = ext.path().from(common + 1);
        Ref oldSide = below.length() == 0 ? ext.child() : new Ref.Fresh(new Extension(below, ext.child()));
        Branch branch = Branch.empty().withChild(ext.path().at(common), oldSide);
        branch = withEntry(branch, path.from(common), value);
        return underPrefix(path.slice(0, common), branch);
    }

    private TrieNode putIntoBranch(Branch branch, Nibbles path, byte[] value) {
        if (path.length() == 0) {
            return branch.withValue(value);
        }
        int nibble = path.at(0);
        Ref child = branch.children()[nibble];
        TrieNode updated = put(child == null ? null : store.resolve(child), path.from(1), value);
        return branch.withChild(nibble, new Ref.Fresh(updated));
    }

    /** Adds a key that ends here (path empty) or continues in a new leaf below one nibble. */
    private static Branch withEntry(Branch branch, Nibbles rest, byte[] value) {
        if (rest.length() == 0) {
            return branch.withValue(value);
        }
        return branch.withChild(rest.at(0), new Ref.Fresh(new Leaf(rest.from(1), value)));
    }

    private static TrieNode underPrefix(Nibbles prefix, Branch branch) {
        return prefix.length() == 0 ? branch : new Extension(prefix, new Ref.Fresh(branch));
    }

    TrieNode delete(TrieNode node, Nibbles path) {
        return switch (node) {
            case null -> null;
            case Leaf l -> l.path().equals(path) ? null : l;
            case Extension e -> deleteUnderExtension(e, path);
            case Branch b -> deleteFromBranch(b, path);
        };
    }

    private TrieNode deleteUnderExtension(Extension ext, Nibbles path) {
        if (!path.hasAt(0, ext.path())) {
            return ext;
        }
        TrieNode child = store.resolve(ext.child());
        TrieNode updated = delete(child, path.from(ext.path().length()));
        if (updated == child) {
            return ext;
        }
        return prepend(ext.path(), updated, null);
    }

    private TrieNode deleteFromBranch(Branch branch, Nibbles path) {
        Branch updated;
        if (path.length() == 0) {
            if (branch.value() == null) {
                return branch;
            }
            updated = branch.withValue(null);
        } else {
            int nibble = path.at(0);
            Ref childRef = branch.children()[nibble];
            if (childRef == null) {
                return branch;
            }
            TrieNode child = store.resolve(childRef);
            TrieNode newChild = delete(child, path.from(1));
            if (newChild == child) {
                return branch;
            }
            updated = branch.withChild(nibble, newChild == null ? null : new Ref.Fresh(newChild));
        }
        return collapse(updated);
    }

    /** A branch left with fewer than two entries is replaced by the leaf or extension it amounts to. */
    private TrieNode collapse(Branch branch) {
        if (branch.entries() >= 2) {
            return branch;
        }
        if (branch.value() != null) {
            return new Leaf(Nibbles.EMPTY, branch.value());
        }
        for (int i = 0; i < Branch.WIDTH; i++) {
            Ref child = branch.children()[i];
            if (child != null) {
                return prepend(Nibbles.single(i), store.resolve(child), child);
            }
        }
        return null;
    }

    /**
     * The node {@code node} reached through {@code prefix}, merged so no extension points at a leaf
     * or another extension. {@code ref} is node's existing link, reused for a branch when known.
     */
    private static TrieNode prepend(Nibbles prefix, TrieNode node, Ref ref) {
        return switch (node) {
            case null -> null;
            case Leaf l -> new Leaf(prefix.concat(l.path()), l.value());
            case Extension e -> new Extension(prefix.concat(e.path()), e.child());
            case Branch b -> new Extension(prefix, ref != null ? ref : new Ref.Fresh(b));
        };
    }
}

package dev.granary.chain.state;

import dev.granary.multiformats.Cid;

/**
 * A node of the hexary Merkle-Patricia trie, in the shape of Ethereum's: a leaf ends a path with a
 * value, an extension skips a run of nibbles that all keys below share, a branch fans out on one
 * nibble and may hold the value of the key that ends at it. The empty trie has no node.
 *
 * <p>The trie is kept canonical so that a set of entries has one shape, hence one root CID: a branch
 * has at least two of (children, value); an extension has a non-empty path and points at a branch.
 */
sealed interface TrieNode {

    record Leaf(Nibbles path, byte[] value) implements TrieNode {
    }

    record Extension(Nibbles path, Ref child) implements TrieNode {
    }

    /** {@code children} has 16 slots, null where no key continues with that nibble; value may be null. */
    record Branch(Ref[] children, byte[] value) implements TrieNode {

        static final int WIDTH = 16;

        Branch withChild(int nibble, Ref child) {
            Ref[] copy = children.clone();
            copy[nibble] = child;
            return new Branch(copy, value);
        }

        Branch withValue(byte[] newValue) {
            return new Branch(children, newValue);
        }

        /** Children plus one if there is a value: below 2 the branch must collapse. */
        int entries() {
            int count = value == null ? 0 : 1;
            for (Ref c : children) {
                count += c == null ? 0 : 1;
            }
            return count;
        }

        static Branch empty() {
            return new Branch(new Ref[WIDTH], null);
        }
    }

    /** A link to a child: already in the store by CID, or built in this session and not yet written. */
    sealed interface Ref {

        record Stored(Cid cid) implements Ref {
        }

        record Fresh(TrieNode node) implements Ref {
        }
    }
}

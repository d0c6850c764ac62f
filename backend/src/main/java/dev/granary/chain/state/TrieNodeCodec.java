package dev.granary.chain.state;

import dev.granary.cbor.CborException;
import dev.granary.cbor.CborReader;
import dev.granary.cbor.CborWriter;
import dev.granary.chain.state.TrieNode.Branch;
import dev.granary.chain.state.TrieNode.Extension;
import dev.granary.chain.state.TrieNode.Leaf;
import dev.granary.chain.state.TrieNode.Ref;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.FormatException;

/**
 * Trie nodes as dag-cbor tuples (see docs/chain.md): {@code [0, path, value]} for a leaf,
 * {@code [1, path, child CID]} for an extension, {@code [2, [16 × CID|null], value|null]} for a branch;
 * the empty trie is the single dag-cbor null. Decoding checks the canonical-shape rules too, because
 * nodes also arrive from snapshots.
 */
final class TrieNodeCodec {

    static final int LEAF = 0;
    static final int EXTENSION = 1;
    static final int BRANCH = 2;
    private static final int FIELDS = 3;

    private TrieNodeCodec() {
    }

    /** Encodes a node whose links are all {@link Ref.Stored}; commit writes children first. */
    static byte[] encode(TrieNode node) {
        CborWriter out = new CborWriter();
        out.writeArrayHeader(FIELDS);
        switch (node) {
            case Leaf l -> out.writeUnsigned(LEAF).writeBytes(l.path().encode()).writeBytes(l.value());
            case Extension e -> out.writeUnsigned(EXTENSION).writeBytes(e.path().encode()).writeCid(storedCid(e.child()));
            case Branch b -> {
                out.writeUnsigned(BRANCH).writeArrayHeader(Branch.WIDTH);
                for (Ref child : b.children()) {
                    if (child == null) {
                        out.writeNull();
                    } else {
                        out.writeCid(storedCid(child));
                    }
                }
                if (b.value() == null) {
                    out.writeNull();
                } else {
                    out.writeBytes(b.value());
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] encodeEmpty() {
        return new CborWriter().writeNull().toByteArray();
    }

    /** The node in {@code bytes}, or null for the empty trie. */
    static TrieNode decode(byte[] bytes) {
        CborReader in = new CborReader(bytes);
        if (in.tryReadNull()) {
            in.finish();
            return null;
        }
        int fields = in.readArrayHeader();
        if (fields != FIELDS) {
            throw new CborException(0, "trie node: expected " + FIELDS + " fields, found " + fields);
        }
        long kind = in.readUnsigned();
        TrieNode node = switch ((int) Math.min(kind, Integer.MAX_VALUE)) {
            case LEAF -> new Leaf(Nibbles.decode(in.readBytes()), in.readBytes());
            case EXTENSION -> extension(Nibbles.decode(in.readBytes()), in.readCid());
            case BRANCH -> branch(in);
            default -> throw new CborException(1, "trie node kind " + kind + " is not 0 (leaf), 1 (extension) or 2 (branch)");
        };
        in.finish();
        return node;
    }

    /** The CIDs this encoded node links to, without building the node (for walks over the store). */
    static void forEachLink(TrieNode node, java.util.function.Consumer<Cid> action) {
        switch (node) {
            case null -> { }
            case Leaf l -> { }
            case Extension e -> action.accept(storedCid(e.child()));
            case Branch b -> {
                for (Ref child : b.children()) {
                    if (child != null) {
                        action.accept(storedCid(child));
                    }
                }
            }
        }
    }

    private static Extension extension(Nibbles path, Cid child) {
        if (path.length() == 0) {
            throw new FormatException("trie extension node has an empty path");
        }
        return new Extension(path, new Ref.Stored(child));
    }

    private static Branch branch(CborReader in) {
        int width = in.readArrayHeader();
        if (width != Branch.WIDTH) {
            throw new FormatException("trie branch node has " + width + " child slots, expected " + Branch.WIDTH);
        }
        Ref[] children = new Ref[Branch.WIDTH];
        for (int i = 0; i < Branch.WIDTH; i++) {
            children[i] = in.tryReadNull() ? null : new Ref.Stored(in.readCid());
        }
        byte[] value = in.tryReadNull() ? null : in.readBytes();
        Branch branch = new Branch(children, value);
        if (branch.entries() < 2) {
            throw new FormatException("trie branch node has " + branch.entries()
                    + " entries; a canonical branch has at least 2");
        }
        return branch;
    }

    private static Cid storedCid(Ref ref) {
        if (ref instanceof Ref.Stored s) {
            return s.cid();
        }
        throw new IllegalStateException("a fresh child must be written before its parent is encoded");
    }
}

package dev.granary.proofs.vanilla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.granary.kernels.Kernels;

/**
 * A Merkle inclusion proof in a sha256-trunc254 binary tree: the leaf, its index and the siblings
 * from the leaf's level up to the level under the root. Bit l of the index says whether the node
 * at level l is a right child, so the index is bound by the hashing itself.
 *
 * <p>Serialised (format version 1, little-endian): u8 version, u8 depth, u64 leaf index, the
 * 32-byte leaf, depth 32-byte siblings.
 */
public record InclusionProof(long leafIndex, byte[] leaf, List<byte[]> siblings) {

    public static final int FORMAT_VERSION = 1;
    static final int NODE = 32;
    static final int MAX_DEPTH = 64;

    public InclusionProof {
        if (leaf.length != NODE) {
            throw new IllegalArgumentException("a leaf is 32 bytes, got " + leaf.length);
        }
        if (siblings.size() > MAX_DEPTH - 1) {
            throw new IllegalArgumentException("a path of " + siblings.size() + " siblings is deeper than any tree");
        }
        List<byte[]> copy = new ArrayList<>(siblings.size());
        for (byte[] s : siblings) {
            if (s.length != NODE) {
                throw new IllegalArgumentException("a sibling is 32 bytes, got " + s.length);
            }
            copy.add(s.clone());
        }
        leaf = leaf.clone();
        siblings = List.copyOf(copy);
    }

    @Override
    public byte[] leaf() {
        return leaf.clone();
    }

    @Override
    public List<byte[]> siblings() {
        return siblings.stream().map(byte[]::clone).toList();
    }

    public int depth() {
        return siblings.size();
    }

    /** The root this path leads to, hashed in pure Java. */
    public byte[] computeRoot() {
        Kernels java = Kernels.java();
        byte[] node = leaf;
        for (int l = 0; l < siblings.size(); l++) {
            boolean right = ((leafIndex >>> l) & 1) == 1;
            node = right ? java.hashPair(siblings.get(l), node) : java.hashPair(node, siblings.get(l));
        }
        return node;
    }

    /** Whether this proves a leaf of a tree of {@code leaves} leaves under {@code root}. */
    public boolean verifies(byte[] root, long leaves) {
        if (leaves < 2 || Long.bitCount(leaves) != 1 || depth() != Long.numberOfTrailingZeros(leaves)) {
            return false;
        }
        if (leafIndex < 0 || leafIndex >= leaves) {
            return false;
        }
        return Arrays.equals(computeRoot(), root);
    }

    public byte[] toBytes() {
        ProofWriter w = new ProofWriter();
        write(w);
        return w.toByteArray();
    }

    void write(ProofWriter w) {
        w.u8(FORMAT_VERSION).u8(siblings.size()).u64(leafIndex).bytes(leaf);
        siblings.forEach(w::bytes);
    }

    public static InclusionProof fromBytes(byte[] bytes) {
        ProofReader r = new ProofReader(bytes);
        InclusionProof p = read(r);
        r.expectEnd("inclusion proof");
        return p;
    }

    static InclusionProof read(ProofReader r) {
        r.expectVersion(FORMAT_VERSION, "inclusion proof");
        int depth = r.u8("path depth");
        if (depth >= MAX_DEPTH) {
            throw new MalformedProofException("path depth " + depth + " is deeper than any tree");
        }
        long index = r.u64("leaf index");
        byte[] leaf = r.bytes(NODE, "leaf");
        List<byte[]> siblings = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            siblings.add(r.bytes(NODE, "sibling " + i));
        }
        return new InclusionProof(index, leaf, siblings);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InclusionProof p) || p.leafIndex != leafIndex || !Arrays.equals(p.leaf, leaf)
                || p.siblings.size() != siblings.size()) {
            return false;
        }
        for (int i = 0; i < siblings.size(); i++) {
            if (!Arrays.equals(p.siblings.get(i), siblings.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(leafIndex) * 31 + Arrays.hashCode(leaf);
    }

    @Override
    public String toString() {
        return "InclusionProof[leaf " + leafIndex + ", depth " + depth() + "]";
    }
}

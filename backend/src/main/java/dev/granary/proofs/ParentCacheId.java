package dev.granary.proofs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.granary.kernels.sdr.SdrGraph;

/**
 * The file stem rust-fil-proofs gives a parent cache ("v28-sdr-parent-" + hex sha256 of the tree
 * hasher's name, the stacked graph's identifier, the four Feistel keys u64 LE and the node count u32
 * LE). Using the same names lets the digests published in rust-fil-proofs' parent_cache.json
 * ({@link KnownParentCaches}) verify our files, which hold the same bytes. The identifier names
 * the Poseidon hasher of the production trees; it does not influence the parents.
 */
public final class ParentCacheId {

    private static final int VERSION = 28;
    private static final String HASHER = "poseidon_hasher";

    private ParentCacheId() {
    }

    public static String of(SdrGraph graph) {
        String identifier = "stacked_graph::StackedGraph{expansion_degree: " + SdrGraph.EXPANSION_DEGREE
                + " base_graph: drgraph::BucketGraph{size: " + graph.nodes() + "; degree: " + SdrGraph.BASE_DEGREE
                + "; hasher: " + HASHER + "} }";
        ByteBuffer tail = ByteBuffer.allocate(4 * Long.BYTES + Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long key : graph.feistelKeys()) {
            tail.putLong(key);
        }
        tail.putInt((int) graph.nodes());
        MessageDigest sha = sha256();
        sha.update(HASHER.getBytes(StandardCharsets.UTF_8));
        sha.update(identifier.getBytes(StandardCharsets.UTF_8));
        sha.update(tail.array());
        return "v" + VERSION + "-sdr-parent-" + HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

package dev.granary.kernels.sdr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * One stacked-DRG graph: its node count, its version and the two seeds rust-fil-proofs derives from
 * the porep_id (the 28-byte ChaCha8 seed of the bucket sampling and the Feistel keys). Everything
 * the parent kernels need, and nothing else: two graphs with equal fields have equal parents.
 *
 * @param nodes        32-byte nodes in a sector (sector size / 32)
 * @param version      where the predecessor goes and how Feistel outputs are divided
 * @param drgSeed      first 28 bytes of sha256("Filecoin_DRSample" || porep_id)
 * @param feistelKeys  sha256("Filecoin_Feistel" || porep_id) read as four u64 little-endian; the
 *                     permutation uses the first {@link #FEISTEL_ROUNDS}
 */
public record SdrGraph(long nodes, GraphVersion version, byte[] drgSeed, long[] feistelKeys) {

    public static final int BASE_DEGREE = 6;
    public static final int EXPANSION_DEGREE = 8;
    public static final int DEGREE = BASE_DEGREE + EXPANSION_DEGREE;
    /** Bytes of one node's entry in a parent cache: 14 u32 little-endian. */
    public static final int PARENTS_BYTES = DEGREE * Integer.BYTES;
    public static final int NODE_SIZE = 32;
    public static final int DRG_SEED_BYTES = 28;
    public static final int FEISTEL_ROUNDS = 3;
    public static final int POREP_ID_BYTES = 32;
    /** Smallest graph with a node whose parents are drawn (nodes 0 and 1 have fixed parents). */
    public static final long MIN_NODES = 2;
    /** 64 GiB sectors; parents are u32, and the bucket sampling needs nodes * 5 < 2^54. */
    public static final long MAX_NODES = 1L << 31;

    private static final String DRSAMPLE_DST = "Filecoin_DRSample";
    private static final String FEISTEL_DST = "Filecoin_Feistel";

    public SdrGraph {
        if (nodes < MIN_NODES || nodes > MAX_NODES) {
            throw new IllegalArgumentException("a stacked-DRG graph has " + MIN_NODES + ".." + MAX_NODES
                    + " nodes, got " + nodes);
        }
        if (version == null) {
            throw new IllegalArgumentException("graph version is required");
        }
        if (drgSeed == null || drgSeed.length != DRG_SEED_BYTES) {
            throw new IllegalArgumentException("the DRG seed is " + DRG_SEED_BYTES + " bytes");
        }
        if (feistelKeys == null || feistelKeys.length < FEISTEL_ROUNDS) {
            throw new IllegalArgumentException("the Feistel permutation needs " + FEISTEL_ROUNDS + " keys");
        }
        drgSeed = drgSeed.clone();
        feistelKeys = feistelKeys.clone();
    }

    /** The graph rust-fil-proofs builds for {@code nodes} nodes and this 32-byte porep_id. */
    public static SdrGraph of(long nodes, byte[] porepId, GraphVersion version) {
        if (porepId == null || porepId.length != POREP_ID_BYTES) {
            throw new IllegalArgumentException("a porep_id is " + POREP_ID_BYTES + " bytes");
        }
        byte[] drgSeed = Arrays.copyOf(domainSeed(DRSAMPLE_DST, porepId), DRG_SEED_BYTES);
        byte[] feistelSeed = domainSeed(FEISTEL_DST, porepId);
        long[] keys = new long[4];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = Bytes.u64le(feistelSeed, 8 * i);
        }
        return new SdrGraph(nodes, version, drgSeed, keys);
    }

    /** Bytes of the whole parent cache of this graph. */
    public long parentCacheBytes() {
        return nodes * PARENTS_BYTES;
    }

    /** Bytes of one layer of labels. */
    public long layerBytes() {
        return nodes * NODE_SIZE;
    }

    @Override
    public byte[] drgSeed() {
        return drgSeed.clone();
    }

    @Override
    public long[] feistelKeys() {
        return feistelKeys.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SdrGraph g && g.nodes == nodes && g.version == version
                && Arrays.equals(g.drgSeed, drgSeed) && Arrays.equals(g.feistelKeys, feistelKeys);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nodes) * 31 + Arrays.hashCode(drgSeed);
    }

    @Override
    public String toString() {
        return "SdrGraph[nodes=" + nodes + ", version=" + version + "]";
    }

    private static byte[] domainSeed(String tag, byte[] porepId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(tag.getBytes(StandardCharsets.US_ASCII));
            return sha.digest(porepId);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

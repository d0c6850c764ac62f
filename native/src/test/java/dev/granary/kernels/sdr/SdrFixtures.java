package dev.granary.kernels.sdr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The `sdr` section of /vectors/filecoin.json and helpers shared by the SDR kernel tests. */
final class SdrFixtures {

    private SdrFixtures() {
    }

    static JsonNode parentCacheVectors() {
        try (InputStream in = SdrFixtures.class.getResourceAsStream("/vectors/filecoin.json")) {
            if (in == null) {
                throw new IllegalStateException("/vectors/filecoin.json is not on the test class path");
            }
            return JsonMapper.shared().readTree(in).get("sdr").get("parent_cache_sha256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<SdrKernels> bothKernels() {
        return Stream.of(SdrKernels.nativeKernels(), SdrKernels.java());
    }

    /** porep_id = registered proof id u64 LE || 24 zero bytes. */
    static byte[] porepId(int registeredProof) {
        byte[] id = new byte[32];
        id[0] = (byte) registeredProof;
        return id;
    }

    /** The graph of a registered seal proof id: 0..4 are V1, 5..9 the same sizes in V1_1. */
    static SdrGraph graph(long sectorSize, int registeredProof) {
        GraphVersion version = registeredProof >= 5 ? GraphVersion.V1_1 : GraphVersion.V1_0;
        return SdrGraph.of(sectorSize / SdrGraph.NODE_SIZE, porepId(registeredProof), version);
    }

    /** The whole parent cache of a small graph, in one direct buffer. */
    static ByteBuffer parentCache(SdrKernels kernels, SdrGraph graph) {
        ByteBuffer cache = ByteBuffer.allocateDirect((int) graph.parentCacheBytes());
        int chunk = 4096;
        for (long first = 0; first < graph.nodes(); first += chunk) {
            int count = (int) Math.min(chunk, graph.nodes() - first);
            kernels.parents(graph, first, count, cache.position((int) (first * SdrGraph.PARENTS_BYTES)));
        }
        return cache.clear();
    }

    static String sha256Hex(ByteBuffer data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(data.duplicate());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int[] parentsOf(ByteBuffer cache, long node) {
        int[] parents = new int[SdrGraph.DEGREE];
        ByteBuffer le = cache.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < parents.length; k++) {
            parents[k] = le.getInt((int) (node * SdrGraph.PARENTS_BYTES + 4 * k));
        }
        return parents;
    }
}

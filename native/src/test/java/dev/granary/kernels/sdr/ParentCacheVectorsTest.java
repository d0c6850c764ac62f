package dev.granary.kernels.sdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Parent caches against the public digests of rust-fil-proofs, for both kernels. */
class ParentCacheVectorsTest {

    static Stream<Arguments> vectorsAndKernels() {
        return SdrFixtures.bothKernels().flatMap(k -> {
            Stream.Builder<Arguments> cases = Stream.builder();
            for (JsonNode v : SdrFixtures.parentCacheVectors()) {
                cases.add(Arguments.of(k.name(), k, v));
            }
            return cases.build();
        });
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("vectorsAndKernels")
    void twoKibCacheMatchesTheVector(String name, SdrKernels kernels, JsonNode vector) {
        SdrGraph graph = SdrFixtures.graph(vector.get("sector_size").asLong(), vector.get("registered_proof").asInt());
        ByteBuffer cache = SdrFixtures.parentCache(kernels, graph);

        assertArrayEquals(ints(vector.get("node_5_parents")), SdrFixtures.parentsOf(cache, 5));
        assertArrayEquals(ints(vector.get("node_63_parents")), SdrFixtures.parentsOf(cache, 63));
        assertEquals(vector.get("sha256").asString(), SdrFixtures.sha256Hex(cache));
    }

    /**
     * The 8 MiB digests rust-fil-proofs publishes in storage-proofs-porep/parent_cache.json
     * (v28-sdr-parent-dcdabb0f... for V1, v28-sdr-parent-5eed2121... for V1_1). The Java twin runs
     * one of them: it takes about 5 s per 8 MiB graph.
     */
    static Stream<Arguments> eightMib() {
        return Stream.of(
                Arguments.of(SdrKernels.nativeKernels(), 1, "a76604f2f59f2744c7151653bbb1d8596b6b57d295e6fa6c1f0c41d725b502ce"),
                Arguments.of(SdrKernels.nativeKernels(), 6, "03cd13565ded97c240a5f52e54295ad127bd0461b57904cb3a4d79b097bbecab"),
                Arguments.of(SdrKernels.java(), 6, "03cd13565ded97c240a5f52e54295ad127bd0461b57904cb3a4d79b097bbecab"));
    }

    @ParameterizedTest(name = "{0} 8 MiB registered proof {1}")
    @MethodSource("eightMib")
    void eightMibCacheMatchesRustFilProofs(SdrKernels kernels, int registeredProof, String sha256) {
        SdrGraph graph = SdrFixtures.graph(8L << 20, registeredProof);
        assertEquals(sha256, SdrFixtures.sha256Hex(SdrFixtures.parentCache(kernels, graph)));
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}

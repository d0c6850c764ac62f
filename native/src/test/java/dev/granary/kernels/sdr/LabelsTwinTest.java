package dev.granary.kernels.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

import dev.granary.kernels.ShaNiSwitch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Labels of the native and Java kernels are identical, and both equal a third, deliberately naive
 * implementation of rust-fil-proofs' create_label / create_label_exp written here from the spec
 * (there is no public label vector to test against).
 */
class LabelsTwinTest {

    static final byte[] REPLICA_ID = HexFormat.of().parseHex(
            "0c4ab1e47d1b9bc0d9c1a7e5a0b0d5e2f6a3b4c5d6e7f8091a2b3c4d5e6f7011");

    @ParameterizedTest(name = "2 KiB, registered proof {0}")
    @ValueSource(ints = {0, 5})
    void twoKibLayersAreIdenticalAndMatchTheSpec(int registeredProof) {
        SdrGraph graph = SdrFixtures.graph(2048, registeredProof);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.nativeKernels(), graph);
        ByteBuffer[] nativeLayers = layers(SdrKernels.nativeKernels(), graph, cache, 2);
        ByteBuffer[] javaLayers = layers(SdrKernels.java(), graph, cache, 2);
        for (int layer = 1; layer <= 2; layer++) {
            ByteBuffer previous = layer == 1 ? null : javaLayers[layer - 2];
            assertEquals(nativeLayers[layer - 1], javaLayers[layer - 1], "layer " + layer + " native vs java");
            for (long node = 0; node < graph.nodes(); node++) {
                assertEquals(hex(SpecLabel.label(REPLICA_ID, layer, node, cache, javaLayers[layer - 1], previous)),
                        hex(labelAt(javaLayers[layer - 1], node)), "layer " + layer + " node " + node);
            }
        }
        assertNotEquals(javaLayers[0], javaLayers[1]);
    }

    @Test
    void eightMibLayersOneAndTwoAreIdentical() {
        SdrGraph graph = SdrFixtures.graph(8L << 20, 6);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.nativeKernels(), graph);
        ByteBuffer[] nativeLayers = layers(SdrKernels.nativeKernels(), graph, cache, 2);
        ByteBuffer[] javaLayers = layers(SdrKernels.java(), graph, cache, 2);
        assertEquals(nativeLayers[0], javaLayers[0], "layer 1");
        assertEquals(nativeLayers[1], javaLayers[1], "layer 2");
        for (long node : new long[] {0, 1, 2, 12345, graph.nodes() - 1}) {
            assertEquals(hex(SpecLabel.label(REPLICA_ID, 2, node, cache, javaLayers[1], javaLayers[0])),
                    hex(labelAt(javaLayers[1], node)), "layer 2 node " + node);
        }
    }

    @Test
    void portableCAndShaNiGiveTheSameLayer() {
        SdrGraph graph = SdrFixtures.graph(2048, 5);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.java(), graph);
        ByteBuffer[] fast = layers(SdrKernels.nativeKernels(), graph, cache, 2);
        boolean wasShaNi = ShaNiSwitch.set(false);
        try {
            ByteBuffer[] portable = layers(SdrKernels.nativeKernels(), graph, cache, 2);
            assertEquals(fast[1], portable[1]);
        } finally {
            ShaNiSwitch.set(wasShaNi);
        }
    }

    static ByteBuffer[] layers(SdrKernels kernels, SdrGraph graph, ByteBuffer cache, int count) {
        ByteBuffer[] layers = new ByteBuffer[count];
        for (int layer = 1; layer <= count; layer++) {
            layers[layer - 1] = ByteBuffer.allocateDirect((int) graph.layerBytes());
            ByteBuffer previous = layer == 1 ? null : layers[layer - 2];
            kernels.labelLayer(REPLICA_ID, layer, graph.nodes(), cache, previous, layers[layer - 1]);
        }
        return layers;
    }

    static byte[] labelAt(ByteBuffer layer, long node) {
        byte[] label = new byte[32];
        layer.get((int) (node * 32), label);
        return label;
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The label function written as plainly as the spec reads, one byte array per input. */
    static final class SpecLabel {
        static byte[] label(byte[] replicaId, int layer, long node, ByteBuffer cache, ByteBuffer thisLayer,
                ByteBuffer previousLayer) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(replicaId);
                byte[] prefix = new byte[32];
                ByteBuffer.wrap(prefix).putInt(layer).putLong(node);
                sha.update(prefix);
                if (node > 0) {
                    int[] p = SdrFixtures.parentsOf(cache, node);
                    int[] order = layer == 1 ? layerOneOrder() : laterLayerOrder();
                    for (int k : order) {
                        ByteBuffer source = k < 6 ? thisLayer : previousLayer;
                        sha.update(labelAt(source, p[k] & 0xffffffffL));
                    }
                }
                byte[] digest = sha.digest();
                digest[31] &= 0x3f;
                return digest;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Base parents 0..5, six times, then parent 0: 37 labels. */
        private static int[] layerOneOrder() {
            int[] order = new int[37];
            for (int i = 0; i < 37; i++) {
                order[i] = i % 6;
            }
            return order;
        }

        /** All 14 parents, again all 14, then parents 0..8: 37 labels. */
        private static int[] laterLayerOrder() {
            int[] order = new int[37];
            for (int i = 0; i < 37; i++) {
                order[i] = i % 14;
            }
            return order;
        }
    }
}

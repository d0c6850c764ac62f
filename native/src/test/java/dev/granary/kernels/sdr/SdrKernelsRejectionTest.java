package dev.granary.kernels.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad lengths and corrupt parent caches give IllegalArgumentException, never a crash. */
class SdrKernelsRejectionTest {

    static java.util.stream.Stream<SdrKernels> kernels() {
        return SdrFixtures.bothKernels();
    }

    private static final SdrGraph GRAPH = SdrFixtures.graph(2048, 0);
    private static final byte[] REPLICA = new byte[32];

    @ParameterizedTest
    @MethodSource("kernels")
    void parentsOutsideTheGraphOrTooLittleRoomAreRefused(SdrKernels k) {
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> k.parents(GRAPH, 60, 5, ByteBuffer.allocateDirect(5 * 56)));
        assertEquals("nodes 60..64 are not inside a graph of 64 nodes", outside.getMessage());
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> k.parents(GRAPH, 0, 2, ByteBuffer.allocateDirect(111)));
        assertEquals("parents out has 111 bytes, needs 112", small.getMessage());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void labelArgumentsAreChecked(SdrKernels k) {
        ByteBuffer cache = SdrFixtures.parentCache(k, GRAPH);
        ByteBuffer layer = ByteBuffer.allocateDirect(64 * 32);
        assertMessage("a replica_id is 32 bytes", () -> k.labelLayer(new byte[31], 1, 64, cache, null, layer));
        assertMessage("layers are numbered from 1, got 0", () -> k.labelLayer(REPLICA, 0, 64, cache, null, layer));
        assertMessage("parent cache has 3584 bytes, needs 3640",
                () -> k.labelLayer(REPLICA, 1, 65, cache, null, ByteBuffer.allocateDirect(65 * 32)));
        assertMessage("layer out has 2047 bytes, needs 2048",
                () -> k.labelLayer(REPLICA, 1, 64, cache, null, ByteBuffer.allocateDirect(2047)));
        assertMessage("layer 2 needs the labels of layer 1", () -> k.labelLayer(REPLICA, 2, 64, cache, null, layer));
        assertMessage("previous layer has 32 bytes, needs 2048",
                () -> k.labelLayer(REPLICA, 2, 64, cache, ByteBuffer.allocateDirect(32), layer));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void aParentFromTheFutureIsACorruptCache(SdrKernels k) {
        ByteBuffer cache = SdrFixtures.parentCache(k, GRAPH);
        // Node 10's first base parent set to node 10 itself: its label would read itself.
        cache.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(10 * 56, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayer(REPLICA, 1, 64, cache, null, ByteBuffer.allocateDirect(64 * 32)));
        assertTrue(e.getMessage().startsWith("parent cache is corrupt"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void anExpansionParentOutsideTheGraphIsACorruptCache(SdrKernels k) {
        ByteBuffer cache = SdrFixtures.parentCache(k, GRAPH);
        cache.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(7 * 56 + 13 * 4, 64);
        ByteBuffer layer1 = ByteBuffer.allocateDirect(64 * 32);
        k.labelLayer(REPLICA, 1, 64, cache, null, layer1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayer(REPLICA, 2, 64, cache, layer1, ByteBuffer.allocateDirect(64 * 32)));
        assertTrue(e.getMessage().startsWith("parent cache is corrupt"), e.getMessage());
    }

    @Test
    void nativeKernelsRefuseHeapBuffers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SdrKernels.nativeKernels().parents(GRAPH, 0, 1, ByteBuffer.allocate(56)));
        assertEquals("native kernels need direct buffers; parents out is a heap buffer", e.getMessage());
    }

    @Test
    void graphsOutsideTheSupportedRangeAreRefused() {
        assertMessage("a stacked-DRG graph has 2..2147483648 nodes, got 1",
                () -> SdrGraph.of(1, new byte[32], GraphVersion.V1_1));
        assertMessage("a porep_id is 32 bytes", () -> SdrGraph.of(64, new byte[8], GraphVersion.V1_1));
    }

    @Test
    void blake2bMatchesTheRfc7693Vector() {
        assertEquals("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
                HexFormat.of().formatHex(new Blake2b().digest("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        byte[] sixteen = HexFormat.of().parseHex("0001020304050607f0e1d2c3b4a59687");
        long expected = ByteBuffer.wrap(new Blake2b().digest(sixteen)).getLong();
        assertEquals(expected, new Blake2b().firstWordOf16(0x0001020304050607L, 0xf0e1d2c3b4a59687L));
    }

    private static void assertMessage(String message, org.junit.jupiter.api.function.Executable call) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}

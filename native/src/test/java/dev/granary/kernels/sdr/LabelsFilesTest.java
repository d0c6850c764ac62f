package dev.granary.kernels.sdr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Labeling between files (the path PreCommit1 takes for every sector size) gives the same bytes as
 * labeling into buffers, for both kernels, whatever the window: windows of one node, of sizes that
 * split pages and parent entries, and of the whole layer. The Java kernels really map the files
 * window by window, so small windows exercise the addressing a 32 GiB layer needs.
 */
class LabelsFilesTest {

    private static final byte[] REPLICA_ID = LabelsTwinTest.REPLICA_ID;

    @TempDir
    Path dir;

    static Stream<Arguments> kernelsAndWindows() {
        return SdrFixtures.bothKernels().flatMap(k -> Stream.of(1L, 7L, 63L, 64L, 1000L)
                .map(window -> Arguments.of(k, window)));
    }

    @ParameterizedTest(name = "{0} kernels, 2 KiB, windows of {1} nodes")
    @MethodSource("kernelsAndWindows")
    void twoKibFilesMatchTheBufferLabelsForAnyWindow(SdrKernels k, long windowNodes) throws IOException {
        SdrGraph graph = SdrFixtures.graph(2048, 5);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.java(), graph);
        ByteBuffer[] expected = LabelsTwinTest.layers(SdrKernels.java(), graph, cache, 3);
        Path[] files = labelFiles(k, graph, write(cache, "parents.cache"), 3, windowNodes);
        for (int layer = 1; layer <= 3; layer++) {
            assertEquals(expected[layer - 1], ByteBuffer.wrap(Files.readAllBytes(files[layer - 1])),
                    "layer " + layer + " with windows of " + windowNodes + " nodes");
        }
    }

    @ParameterizedTest(name = "{0} kernels, 8 MiB, windows of 4099 nodes")
    @MethodSource("dev.granary.kernels.sdr.SdrFixtures#bothKernels")
    void eightMibFilesCrossingSixtyFourWindowsMatchTheBufferLabels(SdrKernels k) throws IOException {
        SdrGraph graph = SdrFixtures.graph(8L << 20, 6);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.nativeKernels(), graph);
        ByteBuffer[] expected = LabelsTwinTest.layers(SdrKernels.nativeKernels(), graph, cache, 2);
        Path[] files = labelFiles(k, graph, write(cache, "parents.cache"), 2, 4099);
        assertEquals(expected[0], ByteBuffer.wrap(Files.readAllBytes(files[0])), "layer 1");
        assertEquals(expected[1], ByteBuffer.wrap(Files.readAllBytes(files[1])), "layer 2");
    }

    @ParameterizedTest
    @MethodSource("dev.granary.kernels.sdr.SdrFixtures#bothKernels")
    void anExistingLongerLayerFileIsReplacedByExactlyOneLayer(SdrKernels k) throws IOException {
        SdrGraph graph = SdrFixtures.graph(2048, 0);
        Path cache = write(SdrFixtures.parentCache(SdrKernels.java(), graph), "parents.cache");
        Path out = Files.write(dir.resolve("layer-1.dat"), new byte[10_000]);
        k.labelLayerFiles(REPLICA_ID, 1, graph.nodes(), cache, null, out, 5);
        assertEquals(2048, Files.size(out));
    }

    @ParameterizedTest
    @MethodSource("dev.granary.kernels.sdr.SdrFixtures#bothKernels")
    void shortFilesAndBadWindowsAreRefusedNamingTheFile(SdrKernels k) throws IOException {
        SdrGraph graph = SdrFixtures.graph(2048, 0);
        ByteBuffer full = SdrFixtures.parentCache(SdrKernels.java(), graph);
        Path cache = write(full, "parents.cache");
        Path shortCache = write(full.duplicate().limit(64 * 56 - 1), "short.cache");
        Path out = dir.resolve("out.dat");

        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 1, 64, shortCache, null, out, 8));
        assertEquals("parent cache " + shortCache + " has 3583 bytes, needs 3584", tooShort.getMessage());
        Path shortLayer = Files.write(dir.resolve("short-layer.dat"), new byte[64 * 32 - 1]);
        IllegalArgumentException shortPrevious = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 2, 64, cache, shortLayer, out, 8));
        assertEquals("previous layer " + shortLayer + " has 2047 bytes, needs 2048", shortPrevious.getMessage());
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 1, 64, cache, null, out, 0));
        assertTrue(window.getMessage().startsWith("a labeling window is 1.."), window.getMessage());
        assertThrows(IllegalArgumentException.class, () -> k.labelLayerFiles(REPLICA_ID, 2, 64, cache, null, out, 8));
        IllegalArgumentException tooManyWindows = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 1, 1L << 30, cache, null, out, 1000));
        assertEquals("1073741824 nodes in windows of 1000 nodes are more than 16384 mappings per file;"
                + " use a larger window", tooManyWindows.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 2, 64, cache, dir.resolve("no-such-layer.dat"), out, 8));
        assertTrue(missing.getMessage().contains("no-such-layer.dat"), missing.getMessage());
    }

    @ParameterizedTest
    @MethodSource("dev.granary.kernels.sdr.SdrFixtures#bothKernels")
    void aLayerFileThatCannotBeCreatedIsAnIoErrorNamingIt(SdrKernels k) throws IOException {
        SdrGraph graph = SdrFixtures.graph(2048, 0);
        Path cache = write(SdrFixtures.parentCache(SdrKernels.java(), graph), "parents.cache");
        Path out = dir.resolve("no-such-dir").resolve("layer-1.dat");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 1, 64, cache, null, out, 8));
        assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("dev.granary.kernels.sdr.SdrFixtures#bothKernels")
    void aCorruptCacheFileIsRefused(SdrKernels k) throws IOException {
        SdrGraph graph = SdrFixtures.graph(2048, 0);
        ByteBuffer cache = SdrFixtures.parentCache(SdrKernels.java(), graph);
        cache.duplicate().order(ByteOrder.LITTLE_ENDIAN).putInt(40 * 56, 40);
        Path corrupt = write(cache, "corrupt.cache");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> k.labelLayerFiles(REPLICA_ID, 1, 64, corrupt, null, dir.resolve("out.dat"), 16));
        assertTrue(e.getMessage().startsWith("parent cache"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void theDefaultWindowKeepsA64GibLayerUnderTheLinuxMappingLimit() {
        long nodes64GiB = (64L << 30) / SdrGraph.NODE_SIZE;
        assertTrue(nodes64GiB / SdrKernels.DEFAULT_WINDOW_NODES <= CheckedSdrKernels.MAX_WINDOWS_PER_FILE);
        assertTrue(nodes64GiB <= CheckedSdrKernels.MAX_FILE_LABEL_NODES);
    }

    private Path[] labelFiles(SdrKernels k, SdrGraph graph, Path cache, int layers, long windowNodes) {
        Path[] files = new Path[layers];
        for (int layer = 1; layer <= layers; layer++) {
            files[layer - 1] = dir.resolve(k.name() + "-" + windowNodes + "-layer-" + layer + ".dat");
            Path previous = layer == 1 ? null : files[layer - 2];
            k.labelLayerFiles(REPLICA_ID, layer, graph.nodes(), cache, previous, files[layer - 1], windowNodes);
        }
        return files;
    }

    private Path write(ByteBuffer data, String name) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer view = data.duplicate();
            while (view.hasRemaining()) {
                ch.write(view);
            }
        }
        return file;
    }
}

package dev.granary.proofs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.kernels.sdr.SdrKernels;

/**
 * SDR labeling (PreCommit1's work): every layer of a sector, each written to
 * {@code sc-02-data-layer-<n>.dat} (rust-fil-proofs' names) in the sector's cache directory as soon
 * as it is complete. Memory holds two layers (the one being labeled and the previous one, whose
 * labels the expansion parents read) plus the memory-mapped parent cache; both layers are direct
 * buffers, outside the Java heap. The last layer is the key that encodes the replica.
 */
public final class Labels {

    private Labels() {
    }

    /** The layer files, layer 1 first. */
    public record Result(List<Path> layerFiles) {

        public Path keyLayer() {
            return layerFiles.getLast();
        }
    }

    public static String layerFileName(int layer) {
        return "sc-02-data-layer-" + layer + ".dat";
    }

    /**
     * Labels {@code layers} layers of the graph of {@code parents} for {@code replicaId} into
     * {@code cacheDir}, overwriting layer files already there.
     */
    public static Result generate(SdrKernels kernels, ParentCache parents, byte[] replicaId, int layers, Path cacheDir) {
        if (layers < 1) {
            throw new IllegalArgumentException("a sector has at least one layer, got " + layers);
        }
        SdrGraph graph = parents.graph();
        long layerBytes = graph.layerBytes();
        if (layerBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("labeling holds a layer in one buffer; " + layerBytes
                    + " bytes (sectors over 1 GiB) need windowed labeling");
        }
        ByteBuffer cache = parents.map();
        ByteBuffer current = ByteBuffer.allocateDirect((int) layerBytes);
        ByteBuffer previous = ByteBuffer.allocateDirect((int) layerBytes);
        List<Path> files = new ArrayList<>(layers);
        createDirectories(cacheDir);
        for (int layer = 1; layer <= layers; layer++) {
            kernels.labelLayer(replicaId, layer, graph.nodes(), cache.clear(), previous.clear(), current.clear());
            Path file = cacheDir.resolve(layerFileName(layer));
            write(current, file);
            files.add(file);
            ByteBuffer done = current;
            current = previous;
            previous = done;
        }
        return new Result(List.copyOf(files));
    }

    /** Labels of one layer file, for checks and tests. */
    public static ByteBuffer read(Path layerFile) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(layerFile));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read SDR layer " + layerFile + ": " + e.getMessage(), e);
        }
    }

    private static void write(ByteBuffer layer, Path file) {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer data = layer.duplicate().clear();
            while (data.hasRemaining()) {
                out.write(data);
            }
        } catch (IOException e) {
            throw new LayerWriteException(file, e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LayerWriteException(dir, e);
        }
    }

    /** A layer that could not be written; names the file and what to do. */
    public static final class LayerWriteException extends RuntimeException {
        public LayerWriteException(Path file, IOException cause) {
            super("cannot write SDR layer " + file + " (" + cause.getMessage()
                    + "); check the sector's cache directory is writable and has room", cause);
        }
    }
}

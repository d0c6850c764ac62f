package dev.granary.proofs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.granary.kernels.sdr.SdrGraph;
import dev.granary.kernels.sdr.SdrKernels;

/**
 * SDR labeling (PreCommit1's work): every layer of a sector, each labeled straight into
 * {@code sc-02-data-layer-<n>.dat} (rust-fil-proofs' names) in the sector's cache directory. The
 * kernels map the parent cache, the previous layer's file and the layer file being written, with
 * 64-bit offsets, so any sector size labels without a Java buffer per layer: the labels live in the
 * page cache, which the operating system writes back while labeling goes on and reclaims under
 * pressure, instead of in anonymous memory. The last layer is the key that encodes the replica.
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
        return generate(kernels, parents, replicaId, layers, cacheDir, SdrKernels.DEFAULT_WINDOW_NODES);
    }

    /** As {@link #generate(SdrKernels, ParentCache, byte[], int, Path)} with the kernels' window size. */
    static Result generate(SdrKernels kernels, ParentCache parents, byte[] replicaId, int layers, Path cacheDir,
            long windowNodes) {
        if (layers < 1) {
            throw new IllegalArgumentException("a sector has at least one layer, got " + layers);
        }
        SdrGraph graph = parents.graph();
        List<Path> files = new ArrayList<>(layers);
        createDirectories(cacheDir);
        Path previous = null;
        for (int layer = 1; layer <= layers; layer++) {
            Path file = cacheDir.resolve(layerFileName(layer));
            labelLayer(kernels, parents, replicaId, layer, previous, file, windowNodes);
            files.add(file);
            previous = file;
        }
        return new Result(List.copyOf(files));
    }

    private static void labelLayer(SdrKernels kernels, ParentCache parents, byte[] replicaId, int layer, Path previous,
            Path file, long windowNodes) {
        try {
            kernels.labelLayerFiles(replicaId, layer, parents.nodes(), parents.file(), previous, file, windowNodes);
        } catch (UncheckedIOException e) {
            // The kernels' message already names the file and the action.
            throw new LayerWriteException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Labels of one layer file, for checks and tests. */
    public static ByteBuffer read(Path layerFile) {
        try {
            return ByteBuffer.wrap(Files.readAllBytes(layerFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SDR layer " + layerFile + ": " + e.getMessage(), e);
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

        LayerWriteException(String message, IOException cause) {
            super(message, cause);
        }
    }
}

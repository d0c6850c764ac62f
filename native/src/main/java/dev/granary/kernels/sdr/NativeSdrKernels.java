package dev.granary.kernels.sdr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.jna.Pointer;

import dev.granary.kernels.NativeLibrary;

/** The SDR kernels of libgranary.so (sdr_graph.c, sdr_labels.c), bound with JNA direct mapping. */
final class NativeSdrKernels extends CheckedSdrKernels {

    private static final int EINVAL = -1;
    private static final int EBADPARENT = -2;
    private static final int EIO_PARENTS = -3;
    private static final int EIO_PREVIOUS = -4;
    private static final int EIO_OUT = -5;

    private static final class Lib {
        static {
            NativeLibrary.register(Lib.class);
        }

        static native int granary_sdr_parents(byte[] drgSeed, long seedLen, long[] feistelKeys, long keyCount,
                long nodes, int version, long first, long count, Pointer out, long outLen);

        static native int granary_sdr_label_layer(byte[] replicaId, long replicaLen, int layer, long nodes,
                Pointer parents, long parentsLen, Pointer prev, long prevLen, Pointer out, long outLen);

        static native int granary_sdr_label_layer_files(byte[] replicaId, long replicaLen, int layer, long nodes,
                byte[] parentsPath, byte[] prevPath, byte[] outPath, long windowNodes, int[] errorNumber);
    }

    private static final class Holder {
        static final NativeLibrary.Loaded<NativeSdrKernels> LOADED =
                NativeLibrary.load(Lib.class, NativeSdrKernels::new, "native SDR kernels");
    }

    private NativeSdrKernels() {
    }

    static NativeSdrKernels load() {
        return Holder.LOADED.require();
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    protected void requireUsable(ByteBuffer buffer, String role) {
        NativeLibrary.requireDirect(buffer, role);
    }

    private static Pointer at(ByteBuffer buffer) {
        return NativeLibrary.pointerAt(buffer);
    }

    @Override
    protected void parentsUnchecked(SdrGraph graph, long firstNode, int count, ByteBuffer out) {
        long[] keys = graph.feistelKeys();
        int status = Lib.granary_sdr_parents(graph.drgSeed(), SdrGraph.DRG_SEED_BYTES, keys, keys.length,
                graph.nodes(), graph.version().code(), firstNode, count, at(out), out.remaining());
        Reference.reachabilityFence(out);
        check(status, "parents");
    }

    @Override
    protected void labelLayerUnchecked(byte[] replicaId, int layer, long nodes, ByteBuffer parentCache,
            ByteBuffer previousLayer, ByteBuffer out) {
        Pointer prev = previousLayer == null ? null : at(previousLayer);
        long prevLen = previousLayer == null ? 0 : previousLayer.remaining();
        int status = Lib.granary_sdr_label_layer(replicaId, replicaId.length, layer, nodes,
                at(parentCache), parentCache.remaining(), prev, prevLen, at(out), out.remaining());
        Reference.reachabilityFence(parentCache);
        Reference.reachabilityFence(previousLayer);
        Reference.reachabilityFence(out);
        if (status == EBADPARENT) {
            throw new IllegalArgumentException("parent cache is corrupt: an entry names a node its label may not"
                    + " depend on (layer " + layer + ")");
        }
        check(status, "label layer");
    }

    @Override
    protected void labelLayerFilesUnchecked(byte[] replicaId, int layer, long nodes, Path parentCache,
            Path previousLayer, Path out, long windowNodes) {
        int[] errorNumber = new int[1];
        int status = Lib.granary_sdr_label_layer_files(replicaId, replicaId.length, layer, nodes, cString(parentCache),
                previousLayer == null ? null : cString(previousLayer), cString(out), windowNodes, errorNumber);
        switch (status) {
            case EBADPARENT -> throw new IllegalArgumentException("parent cache " + parentCache + " is corrupt: an"
                    + " entry names a node its label may not depend on (layer " + layer + ")");
            case EIO_PARENTS -> throw ioFailure("read parent cache", parentCache, errorNumber[0]);
            case EIO_PREVIOUS -> throw ioFailure("read previous layer", previousLayer, errorNumber[0]);
            case EIO_OUT -> throw ioFailure("create and map layer file", out, errorNumber[0]);
            default -> check(status, "label layer files");
        }
    }

    /** The path as a NUL-terminated byte string, as open(2) takes it. */
    private static byte[] cString(Path path) {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    private static UncheckedIOException ioFailure(String action, Path file, int errno) {
        String reason = errno == 0 ? "the file is shorter than the layer needs" : errnoText(errno);
        return new UncheckedIOException(new IOException("cannot " + action + " " + file + " (" + reason
                + "); check the file exists, the directory is writable and the disk has room"));
    }

    private static String errnoText(int errno) {
        return switch (errno) {
            case 2 -> "no such file or directory";
            case 5 -> "input/output error";
            case 12 -> "cannot allocate memory for the mapping";
            case 13 -> "permission denied";
            case 27 -> "file too large";
            case 28 -> "no space left on device";
            case 30 -> "read-only file system";
            default -> "errno " + errno;
        };
    }

    // CheckedSdrKernels refused every argument the C side rejects, so EINVAL is a broken invariant.
    private static void check(int status, String operation) {
        if (status == EINVAL) {
            throw new IllegalStateException("native SDR " + operation + " rejected arguments the Java checks passed");
        }
        if (status != 0) {
            throw new IllegalStateException("native SDR " + operation + " failed with status " + status);
        }
    }
}

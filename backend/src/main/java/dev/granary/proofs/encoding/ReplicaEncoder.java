package dev.granary.proofs.encoding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

import dev.granary.kernels.fr.FieldKernels;
import dev.granary.kernels.fr.NotAFieldElementException;
import dev.granary.proofs.ProofFileException;
import dev.granary.proofs.tree.NodeFiles;

/**
 * Seals and unseals by field arithmetic over whole files, streaming in {@value #CHUNK_BYTES}-byte
 * chunks: replica node = data node + key node, data node = replica node - key node (mod r), where
 * the key is the last label layer. Memory is three chunks whatever the sector size.
 */
public final class ReplicaEncoder {

    static final int CHUNK_BYTES = 1 << 20;

    private final FieldKernels field;

    public ReplicaEncoder(FieldKernels field) {
        this.field = field;
    }

    /** Writes {@code sealed} from the whole Fr32-padded {@code data} file and the key layer of the same size. */
    public void encode(Path data, Path keyLayer, Path sealed) {
        long nodes = requireSameNodeCount(data, keyLayer);
        transform(true, data, 0, keyLayer, nodes, sealed);
    }

    /**
     * Writes to {@code out} the unsealed nodes {@code firstNode .. firstNode + nodeCount} of
     * {@code sealed} (an unseal of one range, e.g. one piece).
     */
    public void decodeRange(Path sealed, Path keyLayer, long firstNode, long nodeCount, Path out) {
        long nodes = requireSameNodeCount(sealed, keyLayer);
        if (firstNode < 0 || nodeCount <= 0 || firstNode + nodeCount > nodes) {
            throw new IllegalArgumentException("nodes " + firstNode + ".." + (firstNode + nodeCount) + " are outside 0.."
                    + nodes + " of " + sealed);
        }
        transform(false, sealed, firstNode, keyLayer, nodeCount, out);
    }

    private void transform(boolean encode, Path input, long firstNode, Path keyLayer, long nodeCount, Path output) {
        FileChannel in = NodeFiles.openRead(input);
        FileChannel key = null;
        FileChannel out = null;
        try {
            key = NodeFiles.openRead(keyLayer);
            out = NodeFiles.openWrite(output);
            ByteBuffer a = ByteBuffer.allocateDirect(CHUNK_BYTES);
            ByteBuffer k = ByteBuffer.allocateDirect(CHUNK_BYTES);
            long total = nodeCount * NodeFiles.NODE_SIZE;
            long start = firstNode * NodeFiles.NODE_SIZE;
            for (long done = 0; done < total; done += a.limit()) {
                int n = (int) Math.min(CHUNK_BYTES, total - done);
                a.clear().limit(n);
                k.clear().limit(n);
                NodeFiles.readFully(in, input, start + done, a);
                NodeFiles.readFully(key, keyLayer, start + done, k);
                a.flip();
                k.flip();
                apply(encode, a, k, input, keyLayer, start + done);
                NodeFiles.writeFully(out, output, done, a.duplicate());
            }
            out.force(false);
        } catch (IOException e) {
            throw new ProofFileException(output, "sync failed: " + e.getMessage(), e);
        } finally {
            NodeFiles.close(in, input);
            if (key != null) {
                NodeFiles.close(key, keyLayer);
            }
            if (out != null) {
                NodeFiles.close(out, output);
            }
        }
    }

    /** In place in {@code a}; a non-field element is reported in whichever file holds it. */
    private void apply(boolean encode, ByteBuffer a, ByteBuffer k, Path input, Path keyLayer, long byteOffset) {
        try {
            if (encode) {
                field.encode(a, k, a);
            } else {
                field.decode(a, k, a);
            }
        } catch (NotAFieldElementException e) {
            long node = byteOffset / NodeFiles.NODE_SIZE + e.elementIndex();
            int at = (int) e.elementIndex() * NodeFiles.NODE_SIZE;
            Path culprit = isCanonical(a, at) ? keyLayer : input;
            throw new ProofFileException(culprit, "node " + node + " is not a BLS12-381 field element (not below r)", e);
        }
    }

    private boolean isCanonical(ByteBuffer buf, int at) {
        ByteBuffer one = ByteBuffer.allocateDirect(NodeFiles.NODE_SIZE);
        one.put(0, buf, buf.position() + at, NodeFiles.NODE_SIZE);
        try {
            field.encode(one, ByteBuffer.allocateDirect(NodeFiles.NODE_SIZE), ByteBuffer.allocateDirect(NodeFiles.NODE_SIZE));
            return true;
        } catch (NotAFieldElementException e) {
            return false;
        }
    }

    private static long requireSameNodeCount(Path a, Path b) {
        long sa = sizeOf(a);
        long sb = sizeOf(b);
        if (sa % NodeFiles.NODE_SIZE != 0 || sa == 0) {
            throw new ProofFileException(a, "wrong size: " + sa + " bytes is not a whole number of 32-byte nodes");
        }
        if (sa != sb) {
            throw new ProofFileException(b, (sb < sa ? "truncated" : "wrong size") + ": " + sb + " bytes, "
                    + a.getFileName() + " has " + sa);
        }
        return sa / NodeFiles.NODE_SIZE;
    }

    private static long sizeOf(Path file) {
        FileChannel ch = NodeFiles.openRead(file);
        try {
            return NodeFiles.size(ch, file);
        } finally {
            NodeFiles.close(ch, file);
        }
    }
}

package dev.granary.kernels.commp;

import static dev.granary.kernels.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.Vectors;

class CommPTest {

    /** 4 quads per chunk (508 bytes), so small payloads cross many chunk boundaries. */
    private static final int SMALL_CHUNK = 4;
    private static final int SMALL_CHUNK_BYTES = SMALL_CHUNK * 127;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 126, 127, 128, 253, 254, 255, 381, 508, 509, 1015, 1016, 1017,
            SMALL_CHUNK_BYTES - 1, SMALL_CHUNK_BYTES + 1, 3 * SMALL_CHUNK_BYTES, 3 * SMALL_CHUNK_BYTES + 130,
            7 * SMALL_CHUNK_BYTES - 5, 65_024, 65_025, 100_000})
    void streamingMatchesPaddingTheWholePayloadAtOnce(int length) {
        byte[] payload = Vectors.randomBytes(length, length);
        String expected = reference(payload);
        for (Kernels kernels : new Kernels[] {Kernels.nativeKernels(), Kernels.java()}) {
            for (int threads : new int[] {1, 3}) {
                for (int chunk : new int[] {1, SMALL_CHUNK, CommP.DEFAULT_CHUNK_QUADS}) {
                    CommP.Result r = new CommP(kernels, threads, chunk).compute(payload);
                    String where = kernels.name() + ", " + threads + " threads, chunk " + chunk;
                    assertEquals(expected, r.commPHex(), where);
                    assertEquals(length, r.payloadSize(), where);
                    assertEquals(PieceSize.paddedFor(length), r.paddedSize(), where);
                }
            }
        }
    }

    @Test
    void multiMegabytePayloadAgreesAcrossKernelsAndThreads() {
        byte[] payload = Vectors.randomBytes(11, 9 * 1024 * 1024 + 12_345);
        CommP.Result nativeAll = new CommP(Kernels.nativeKernels(), 2).compute(payload);
        assertEquals(nativeAll, new CommP(Kernels.nativeKernels(), 1).compute(payload));
        assertEquals(nativeAll, new CommP(Kernels.java(), 2).compute(payload));
        assertEquals(16L << 20, nativeAll.paddedSize());
        assertEquals(reference(payload), nativeAll.commPHex());
    }

    @Test
    void everySourceGivesTheSameResult(@TempDir Path dir) throws IOException {
        byte[] payload = Vectors.randomBytes(5, 3 * SMALL_CHUNK_BYTES + 77);
        Path file = Files.write(dir.resolve("payload.bin"), payload);
        CommP commP = new CommP(Kernels.nativeKernels(), 2, SMALL_CHUNK);
        CommP.Result fromArray = commP.compute(payload);
        assertEquals(fromArray, commP.compute(file));
        assertEquals(fromArray, commP.compute(new ByteArrayInputStream(payload)));
        assertEquals(fromArray, commP.compute(new TrickleStream(payload)));
    }

    @Test
    void everyPayloadBitCountsAndTrailingZerosAreNotPadding() {
        byte[] payload = Vectors.randomBytes(9, 254);
        Set<String> seen = new HashSet<>();
        CommP commP = new CommP(Kernels.nativeKernels(), 1);
        seen.add(commP.compute(payload).commPHex());
        for (int bit = 0; bit < payload.length * 8; bit++) {
            byte[] corrupted = payload.clone();
            corrupted[bit / 8] ^= (byte) (1 << (bit % 8));
            seen.add(commP.compute(corrupted).commPHex());
        }
        assertEquals(payload.length * 8 + 1, seen.size(), "every single-bit corruption gives a new CommP");
        // Same padded tree, different payload size: the commitment alone cannot tell them apart.
        CommP.Result shorter = commP.compute(new byte[127]);
        CommP.Result longer = commP.compute(new byte[100]);
        assertEquals(shorter.commPHex(), longer.commPHex());
        assertNotEquals(shorter.payloadSize(), longer.payloadSize());
    }

    @Test
    void emptyPayloadIsTheSmallestZeroPiece() {
        CommP.Result r = new CommP(Kernels.nativeKernels(), 2).compute(new byte[0]);
        assertEquals(0, r.payloadSize());
        assertEquals(128, r.paddedSize());
        assertEquals(hex(ZeroComm.ofPaddedSize(128)), r.commPHex());
    }

    @Test
    void paddedSizes() {
        assertEquals(128, PieceSize.paddedFor(0));
        assertEquals(128, PieceSize.paddedFor(127));
        assertEquals(256, PieceSize.paddedFor(128));
        assertEquals(2048, PieceSize.paddedFor(1024));
        assertEquals(1024, PieceSize.paddedFor(1016));
        assertEquals(64L << 30, PieceSize.paddedFor(PieceSize.MAX_PAYLOAD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PieceSize.paddedFor(PieceSize.MAX_PAYLOAD + 1));
        assertEquals("payload of 68182605825 bytes does not fit a piece (at most 68182605824 bytes)", e.getMessage());
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new CommP(Kernels.java(), 0));
        assertThrows(IllegalArgumentException.class, () -> new CommP(Kernels.java(), 1, 3));
    }

    /** Pads the whole payload in memory and takes one Merkle root: no chunks, no stack. */
    private static String reference(byte[] payload) {
        long padded = PieceSize.paddedFor(payload.length);
        byte[] raw = java.util.Arrays.copyOf(payload, (int) PieceSize.unpadded(padded));
        ByteBuffer paddedBytes = ByteBuffer.allocate((int) padded);
        Kernels.java().fr32Pad(ByteBuffer.wrap(raw), paddedBytes);
        return hex(Kernels.java().merkleRoot(paddedBytes));
    }

    /** Returns at most 100 bytes per read, like a slow network stream. */
    private static final class TrickleStream extends ByteArrayInputStream {
        TrickleStream(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 100));
        }
    }
}

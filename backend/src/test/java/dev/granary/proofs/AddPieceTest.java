package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommP;
import dev.granary.multiformats.Cid;
import dev.granary.piece.PieceCid;
import dev.granary.piece.PieceVectors;
import tools.jackson.databind.JsonNode;

class AddPieceTest {

    @TempDir
    Path dir;

    static Stream<Kernels> kernels() {
        return Stream.of(Kernels.nativeKernels(), Kernels.java());
    }

    /**
     * Four pieces of 128, 512, 256 and 1024 padded bytes in an 8 KiB sector land at 0, 512, 1024 and
     * 2048 (each at a multiple of its size), with zeros between; the file is the Fr32 padding of that
     * raw layout, written out here by hand rather than by the alignment code under test.
     */
    @ParameterizedTest
    @MethodSource("kernels")
    void piecesOfSeveralSizesAreAlignedToTheirSize(Kernels kernels) throws IOException {
        Path unsealed = dir.resolve("unsealed").resolve("s-t01000-1");
        long[] sizes = {127, 508, 254, 1016};
        long[] rawOffsets = {0, 508, 1016, 2032};
        byte[] rawLayout = new byte[3048];
        List<PieceInfo> pieces = new ArrayList<>();
        AddPiece addPiece = new AddPiece(kernels, 2);
        for (int i = 0; i < sizes.length; i++) {
            byte[] payload = random(i, (int) sizes[i]);
            System.arraycopy(payload, 0, rawLayout, (int) rawOffsets[i], payload.length);
            PieceInfo info = addPiece.add(8192, unsealed, pieces, sizes[i], new ByteArrayInputStream(payload));
            assertEquals(sizes[i] / 127 * 128, info.paddedSize(), "piece " + i);
            assertEquals(sizes[i], info.unpaddedSize());
            assertArrayEquals(new CommP(Kernels.java(), 1).compute(payload).commP(), info.commP(), "CommP of piece " + i);
            pieces.add(info);
        }
        assertEquals(3072, Files.size(unsealed));
        assertArrayEquals(fr32(rawLayout), Files.readAllBytes(unsealed));

        // CommD from the pieces alone equals the root over the file, zero-filled to the sector.
        byte[] wholeSector = Arrays.copyOf(Files.readAllBytes(unsealed), 8192);
        assertArrayEquals(Kernels.java().merkleRoot(ByteBuffer.wrap(wholeSector)), ComputeCommD.compute(kernels, 8192, pieces));
    }

    @Test
    void nativeAndJavaKernelsWriteTheSameFileAndCommP() throws IOException {
        byte[] payload = random(7, 127 * 64);
        Path viaNative = dir.resolve("native");
        Path viaJava = dir.resolve("java");
        PieceInfo a = new AddPiece(Kernels.nativeKernels(), 2).add(16384, viaNative, List.of(), payload.length,
                new ByteArrayInputStream(payload));
        PieceInfo b = new AddPiece(Kernels.java(), 1).add(16384, viaJava, List.of(), payload.length,
                new ByteArrayInputStream(payload));
        assertEquals(a, b);
        assertArrayEquals(Files.readAllBytes(viaJava), Files.readAllBytes(viaNative));
    }

    /** The 2 KiB vector: one 1016-byte piece of 0xCC; its piece CID and the sector's CommD. */
    @Test
    void twoKibSectorVector() {
        JsonNode vector = PieceVectors.load().get("unsealed_sector_commd").get(0);
        assertEquals(2048, vector.get("sector_size").asLong());
        JsonNode piece = vector.get("pieces").get(0);
        String commDCid = vector.get("commd_cid").asString();

        PieceInfo fromVector = PieceInfo.of(Cid.parse(piece.get("cid").asString()), piece.get("padded_size").asLong());
        assertEquals(commDCid, ComputeCommD.cid(2048, List.of(fromVector)).toString());

        byte[] payload = PieceVectors.payload("1016 bytes of 0xCC");
        Path unsealed = dir.resolve("vector");
        PieceInfo added = AddPiece.withDefaults().add(2048, unsealed, List.of(), 1016, new ByteArrayInputStream(payload));
        assertEquals(fromVector, added);
        assertEquals(piece.get("cid").asString(), added.cid().toString());
        assertEquals(commDCid, ComputeCommD.cid(2048, List.of(added)).toString());
        assertEquals(commDCid, PieceCid.v1(rootOfSector(unsealed, 2048)).toString());
    }

    /**
     * A piece spanning several staging chunks, read from a stream that hands out odd, short reads,
     * after a small piece so it needs a filler: 4 MiB padded at offset 4 MiB of an 8 MiB sector.
     */
    @Test
    void largePieceStreamsThroughShortReads() throws IOException {
        Path unsealed = dir.resolve("large");
        AddPiece addPiece = new AddPiece(Kernels.best(), 2);
        byte[] small = random(1, 127);
        PieceInfo first = addPiece.add(8L << 20, unsealed, List.of(), 127, new ByteArrayInputStream(small));
        int size = (4 << 20) / 128 * 127;
        byte[] payload = random(2, size);
        PieceInfo second = addPiece.add(8L << 20, unsealed, List.of(first), size,
                new ShortReads(new ByteArrayInputStream(payload), 1000));
        assertEquals(4 << 20, second.paddedSize());
        assertArrayEquals(new CommP(Kernels.java(), 1).compute(payload).commP(), second.commP());
        assertEquals(8L << 20, Files.size(unsealed));

        byte[] file = Files.readAllBytes(unsealed);
        assertArrayEquals(fr32(small), Arrays.copyOfRange(file, 0, 128));
        assertArrayEquals(new byte[(4 << 20) - 128], Arrays.copyOfRange(file, 128, 4 << 20), "the filler is zeros");
        assertArrayEquals(fr32(payload), Arrays.copyOfRange(file, 4 << 20, 8 << 20));
        assertArrayEquals(rootOfSector(unsealed, 8L << 20), ComputeCommD.compute(8L << 20, List.of(first, second)));
    }

    @Test
    void payloadFromAFile() throws IOException {
        byte[] payload = random(3, 254);
        Path payloadFile = Files.write(dir.resolve("payload.bin"), payload);
        PieceInfo info = AddPiece.withDefaults().add(2048, dir.resolve("from-file"), List.of(), 254, payloadFile);
        assertEquals(HexFormat.of().formatHex(new CommP(Kernels.java(), 1).compute(payload).commP()),
                HexFormat.of().formatHex(info.commP()));
        assertArrayEquals(fr32(payload), Files.readAllBytes(dir.resolve("from-file")));
    }

    static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Fr32 padding by the Java twin, independent of the path AddPiece takes. */
    static byte[] fr32(byte[] raw) {
        ByteBuffer padded = ByteBuffer.allocate(raw.length / 127 * 128);
        Kernels.java().fr32Pad(ByteBuffer.wrap(raw), padded);
        return padded.array();
    }

    private static byte[] rootOfSector(Path unsealed, long sectorSize) {
        try {
            return Kernels.java().merkleRoot(ByteBuffer.wrap(Arrays.copyOf(Files.readAllBytes(unsealed), (int) sectorSize)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Returns at most {@code most} bytes per read, as sockets and pipes do. */
    static final class ShortReads extends FilterInputStream {
        private final int most;

        ShortReads(InputStream in, int most) {
            super(in);
            this.most = most;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, most));
        }
    }
}

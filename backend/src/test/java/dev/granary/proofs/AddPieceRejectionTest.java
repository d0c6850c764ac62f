package dev.granary.proofs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.granary.kernels.Kernels;

class AddPieceRejectionTest {

    private static final AddPiece ADD = new AddPiece(Kernels.best(), 2);

    @TempDir
    Path dir;
    Path unsealed;
    PieceInfo first;
    byte[] before;

    /** Every case starts from a sector file holding one 128-byte piece, which a failure must leave intact. */
    @BeforeEach
    void oneExistingPiece() throws IOException {
        unsealed = dir.resolve("s-t01000-7");
        first = ADD.add(2048, unsealed, List.of(), 127, new ByteArrayInputStream(AddPieceTest.random(9, 127)));
        before = Files.readAllBytes(unsealed);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -127, 100, 128, 381, 1000, 1024})
    void pieceSizesThatAreNot127TimesAPowerOfTwo(long size) throws IOException {
        AddPieceException e = reject(2048, List.of(first), size, new byte[(int) Math.max(0, size)]);
        assertEquals(AddPieceException.Kind.INVALID_SIZE, e.kind());
        assertEquals(unsealed, e.file());
        assertTrue(e.getMessage().contains("unpadded piece size " + size + " is not 127 * 2^k bytes"), e.getMessage());
        assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 64, 2047, 3072, 128L << 30})
    void sectorSizesThatNoSectorHas(long sectorSize) throws IOException {
        AddPieceException e = reject(sectorSize, List.of(first), 127, new byte[127]);
        assertEquals(AddPieceException.Kind.INVALID_SIZE, e.kind());
        assertTrue(e.getMessage().contains("sector size " + sectorSize + " is not a power of two"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void payloadShorterThanDeclared() throws IOException {
        AddPieceException e = reject(2048, List.of(first), 508, new byte[500]);
        assertEquals(AddPieceException.Kind.PAYLOAD_TOO_SHORT, e.kind());
        assertEquals(unsealed + ": the payload ended after 500 of the 508 bytes declared; pass the piece's full"
                + " unpadded size of data (pad the payload with zeros to it)", e.getMessage());
        assertUnchanged();
    }

    @Test
    void payloadFileShorterThanDeclaredNamesThatFile() throws IOException {
        Path payload = Files.write(dir.resolve("short.bin"), new byte[200]);
        AddPieceException e = assertThrows(AddPieceException.class,
                () -> ADD.add(2048, unsealed, List.of(first), 254, payload));
        assertEquals(AddPieceException.Kind.PAYLOAD_TOO_SHORT, e.kind());
        assertEquals(payload, e.file());
        assertUnchanged();
    }

    @Test
    void missingPayloadFile() throws IOException {
        Path payload = dir.resolve("absent.bin");
        AddPieceException e = assertThrows(AddPieceException.class,
                () -> ADD.add(2048, unsealed, List.of(first), 254, payload));
        assertEquals(AddPieceException.Kind.IO, e.kind());
        assertEquals(payload + ": the payload file does not exist", e.getMessage());
        assertUnchanged();
    }

    @Test
    void payloadLongerThanDeclared() throws IOException {
        AddPieceException e = reject(2048, List.of(first), 254, new byte[255]);
        assertEquals(AddPieceException.Kind.PAYLOAD_TOO_LONG, e.kind());
        assertTrue(e.getMessage().contains("the payload holds more than the 254 bytes declared"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void pieceLargerThanTheSpaceLeft() throws IOException {
        // 1024 padded bytes fit the 2 KiB sector only at offset 1024, the next multiple of 1024 after the first piece.
        PieceInfo second = ADD.add(2048, unsealed, List.of(first), 1016, new ByteArrayInputStream(new byte[1016]));
        assertEquals(2048, Files.size(unsealed));
        before = Files.readAllBytes(unsealed);
        AddPieceException e = reject(2048, List.of(first, second), 127, new byte[127]);
        assertEquals(AddPieceException.Kind.NO_SPACE, e.kind());
        assertEquals(unsealed + ": a piece of 128 padded bytes would start at offset 2048 (aligned after 2 existing"
                + " pieces) and does not fit the 2048-byte sector (0 bytes left there); put it in another sector",
                e.getMessage());
        assertUnchanged();
    }

    @Test
    void pieceThatFitsTheFreeBytesButNotOnceAligned() throws IOException {
        // 1920 bytes are free, but a 2048-byte piece must start at a multiple of 2048: after the first piece,
        // that is 2048, the end of the sector.
        AddPieceException e = reject(2048, List.of(first), 2032, new byte[2032]);
        assertEquals(AddPieceException.Kind.NO_SPACE, e.kind());
        assertTrue(e.getMessage().contains("would start at offset 2048"), e.getMessage());
        assertUnchanged();
    }

    @Test
    void fileThatDoesNotHoldTheExistingPieces() throws IOException {
        AddPieceException e = reject(2048, List.of(first, first), 127, new byte[127]);
        assertEquals(AddPieceException.Kind.FILE_MISMATCH, e.kind());
        assertEquals(unsealed + ": the unsealed file holds 128 bytes but its 2 existing pieces, aligned, take 256;"
                + " pass the pieces it really holds, or rewrite it from the pieces", e.getMessage());
        assertUnchanged();
    }

    @Test
    void missingFileWithExistingPieces() {
        Path absent = dir.resolve("absent");
        AddPieceException e = assertThrows(AddPieceException.class,
                () -> ADD.add(2048, absent, List.of(first), 127, new ByteArrayInputStream(new byte[127])));
        assertEquals(AddPieceException.Kind.FILE_MISMATCH, e.kind());
        assertEquals(absent, e.file());
        assertFalse(Files.exists(absent));
    }

    @Test
    void failingPayloadStreamLeavesTheFileAsItWas() throws IOException {
        InputStream failing = new InputStream() {
            private int served;

            // Keeps failing: InputStream.read(byte[]) swallows an exception after the first byte of a call.
            @Override
            public int read() throws IOException {
                if (served++ >= 300) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };
        AddPieceException e = assertThrows(AddPieceException.class,
                () -> ADD.add(2048, unsealed, List.of(first), 508, failing));
        assertEquals(AddPieceException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("reading the payload failed after"), e.getMessage());
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertUnchanged();
    }

    private AddPieceException reject(long sectorSize, List<PieceInfo> existing, long size, byte[] payload) {
        return assertThrows(AddPieceException.class,
                () -> ADD.add(sectorSize, unsealed, existing, size, new ByteArrayInputStream(payload)));
    }

    private void assertUnchanged() throws IOException {
        assertArrayEquals(before, Files.readAllBytes(unsealed), "the unsealed file must keep exactly its pieces");
    }
}

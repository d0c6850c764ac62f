package dev.granary.car;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.granary.car.CarException.Kind;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Multihash;
import dev.granary.multiformats.Varint;

/** Malformed and hostile CARs fail with the right kind and the offset of the part at fault. */
class CarReaderErrorsTest {

    private static final byte[] V1 = CarFixtures.carVector("one_block_carv1_hex");
    /** 1 varint byte + 58 header bytes: the only section starts here. */
    private static final int SECTION_AT = 59;

    @Test
    void flippedDataByteIsACidMismatchAtTheSection() {
        byte[] bad = V1.clone();
        bad[bad.length - 1] ^= 1;

        CarException e = readAllExpectingError(bad);

        assertEquals(Kind.CID_MISMATCH, e.kind());
        assertEquals(SECTION_AT, e.offset());
        assertTrue(e.getMessage().startsWith("at byte 59: "), e.getMessage());
    }

    @Test
    void streamEndingInsideASectionIsTruncated() {
        CarException e = readAllExpectingError(Arrays.copyOf(V1, V1.length - 3));

        assertEquals(Kind.TRUNCATED, e.kind());
        assertEquals(SECTION_AT, e.offset());
    }

    @Test
    void hugeDeclaredSectionIsRefusedBeforeAllocating() {
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        car.writeBytes(Arrays.copyOf(V1, SECTION_AT));
        car.writeBytes(Varint.encode(1L << 40));
        // The stream is endless: a reader that trusted the length would try to buffer a terabyte.
        InputStream endless = new java.io.SequenceInputStream(new ByteArrayInputStream(car.toByteArray()),
                new InputStream() {
                    @Override
                    public int read() {
                        return 0;
                    }
                });

        CarReader reader = CarReader.open(endless, 1024);
        CarException e = assertThrows(CarException.class, reader::next);

        assertEquals(Kind.TOO_LARGE, e.kind());
        assertEquals(SECTION_AT, e.offset());
    }

    @Test
    void blockLargerThanTheConfiguredMaximumIsRefused() {
        byte[] data = new byte[300];
        Cid cid = Cid.of(Multicodec.RAW, Multicodec.SHA2_256, data);

        CarException e = readAllExpectingError(car(cid, data), 100);

        assertEquals(Kind.TOO_LARGE, e.kind());
    }

    @Test
    void unknownHashFunctionIsUnsupported() {
        byte[] data = "x".getBytes(StandardCharsets.UTF_8);
        Cid cid = Cid.v1(Multicodec.RAW, new Multihash(0x13, new byte[64])); // sha2-512: not checkable here

        CarException e = readAllExpectingError(car(cid, data));

        assertEquals(Kind.UNSUPPORTED_HASH, e.kind());
        assertEquals(SECTION_AT, e.offset());
    }

    @Test
    void identityAndBlake2bBlocksVerify() {
        byte[] data = "small".getBytes(StandardCharsets.UTF_8);
        Cid identity = Cid.of(Multicodec.RAW, Multicodec.IDENTITY, data);
        Cid blake = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, new byte[] {(byte) 0xf6});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter w = new CarWriter(out, List.of(identity))) {
            w.put(identity, data);
            w.put(blake, new byte[] {(byte) 0xf6});
        }

        List<CarBlock> blocks = CarFixtures.readAll(CarReader.open(new ByteArrayInputStream(out.toByteArray())));

        assertEquals(List.of(identity, blake), blocks.stream().map(CarBlock::cid).toList());
    }

    @Test
    void headerThatIsNotACarHeaderIsRejectedWithItsOffset() {
        // varint 3, then the map {"a": 1}: an unknown field at byte 2 (after the length and the map head).
        CarException e = assertThrows(CarException.class,
                () -> CarReader.open(new ByteArrayInputStream(HexFormat.of().parseHex("03a1616101"))));

        assertEquals(Kind.BAD_HEADER, e.kind());
        assertEquals(2, e.offset());
    }

    @Test
    void unsupportedVersionIsABadHeader() {
        byte[] header = HexFormat.of().parseHex("0aa16776657273696f6e03");

        CarException e = assertThrows(CarException.class, () -> CarReader.open(new ByteArrayInputStream(header)));

        assertEquals(Kind.BAD_HEADER, e.kind());
    }

    @Test
    void carv2WhosePayloadIsCutShortIsTruncated() {
        byte[] v2 = CarFixtures.carVector("one_block_carv2_hex");
        // Keep the headers and the inner v1 header, drop the section and index: the payload is short.
        byte[] cut = Arrays.copyOf(v2, 51 + SECTION_AT);

        CarException e = readAllExpectingError(cut);

        assertEquals(Kind.TRUNCATED, e.kind());
        assertEquals(51 + SECTION_AT, e.offset());
    }

    @Test
    void emptyStreamIsTruncated() {
        CarException e = assertThrows(CarException.class, () -> CarReader.open(new ByteArrayInputStream(new byte[0])));

        assertEquals(Kind.TRUNCATED, e.kind());
        assertEquals(0, e.offset());
    }

    private static byte[] car(Cid cid, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cid root = Cid.of(Multicodec.RAW, Multicodec.SHA2_256, "hello world\n".getBytes(StandardCharsets.UTF_8));
        try (CarWriter w = new CarWriter(out, List.of(root))) {
            w.put(cid, data);
        }
        return out.toByteArray();
    }

    private static CarException readAllExpectingError(byte[] car) {
        return readAllExpectingError(car, CarReader.DEFAULT_MAX_BLOCK_SIZE);
    }

    private static CarException readAllExpectingError(byte[] car, int maxBlockSize) {
        return assertThrows(CarException.class,
                () -> CarFixtures.readAll(CarReader.open(new ByteArrayInputStream(car), maxBlockSize)));
    }
}

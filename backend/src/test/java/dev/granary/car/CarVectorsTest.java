package dev.granary.car;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;

/** The public CAR fixtures (roots and block counts from testdata/vectors/car/README.md) and byte vectors. */
class CarVectorsTest {

    private static final byte[] HELLO = "hello world\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({
            "carv1-basic.car, 1, 8, bafyreihyrpefhacm6kkp4ql6j6udakdit7g3dmkzfriqfykhjw6cad5lrm bafyreidj5idub6mapiupjwjsyyxhyhedxycv4vihfsicm2vt46o7morwlm",
            "go-sample-unixfs-v2.car, 2, 3, bafybeiakgrehdxxgy5kca72znt6jllrj2sqkehtqeojfuxlbeuqg3vfkwq",
            "go-sample-wrapped-v2.car, 2, 1049, bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy",
            "hello.car, 1, 1, bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4",
            "hello-wrap.car, 1, 2, bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a",
            "tiny-v2.car, 2, 1, bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"})
    void fixtureHasItsRootsAndBlockCountAndEveryBlockVerifies(String file, int version, int blocks, String roots) {
        CarReader reader = CarReader.open(new ByteArrayInputStream(CarFixtures.resource("/vectors/car/" + file)));

        assertEquals(version, reader.header().version());
        assertEquals(List.of(roots.split(" ")), reader.header().roots().stream().map(Cid::toString).toList());
        assertEquals(blocks, CarFixtures.readAll(reader).size());
    }

    @Test
    void writerProducesTheOneBlockVectorExactly() {
        Cid cid = Cid.of(Multicodec.RAW, Multicodec.SHA2_256, HELLO);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(out, List.of(cid))) {
            writer.put(cid, HELLO);
            assertEquals(out.size(), writer.bytesWritten());
        }

        assertArrayEquals(CarFixtures.carVector("one_block_carv1_hex"), out.toByteArray());
        assertArrayEquals(CarFixtures.resource("/vectors/car/hello.car"), out.toByteArray());
    }

    @Test
    void carv2VectorYieldsTheSameBlockAsTheV1Vector() {
        CarReader v2 = CarReader.open(new ByteArrayInputStream(CarFixtures.carVector("one_block_carv2_hex")));
        CarReader v1 = CarReader.open(new ByteArrayInputStream(CarFixtures.carVector("one_block_carv1_hex")));

        CarBlock fromV2 = v2.next();
        CarBlock fromV1 = v1.next();
        assertEquals(fromV1.cid(), fromV2.cid());
        assertArrayEquals(HELLO, fromV2.data());
        assertEquals(v1.header().roots(), v2.header().roots());
        // The v2 payload starts at byte 51, so the section sits 51 bytes further into the file.
        assertEquals(fromV1.offset() + 51, fromV2.offset());
        assertEquals(null, v2.next());
        assertEquals(null, v1.next());
    }

    @Test
    void fixtureRewrittenByTheWriterReadsBackToTheSameBlocks() {
        CarReader original = CarReader.open(new ByteArrayInputStream(CarFixtures.resource("/vectors/car/carv1-basic.car")));
        List<CarBlock> blocks = CarFixtures.readAll(original);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(out, original.header().roots())) {
            blocks.forEach(b -> writer.put(b.cid(), b.data()));
        }

        assertArrayEquals(CarFixtures.resource("/vectors/car/carv1-basic.car"), out.toByteArray());
    }
}

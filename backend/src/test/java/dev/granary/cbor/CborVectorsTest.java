package dev.granary.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.granary.cbor.CborValue.ArrayValue;
import dev.granary.cbor.CborValue.IntValue;
import dev.granary.cbor.CborValue.LinkValue;
import dev.granary.cbor.CborValue.MapValue;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import dev.granary.multiformats.Varint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public vectors: a Filecoin message's exact bytes and CID, and the headers of the CAR fixtures. */
class CborVectorsTest {

    private static final JsonNode VECTORS = load();
    private static final byte[] CARV2_PRAGMA = HexFormat.of().parseHex("0aa16776657273696f6e02");

    /** Roots per fixture, from testdata/vectors/car/README.md. */
    private static final Map<String, List<String>> CAR_ROOTS = Map.of(
            "carv1-basic.car", List.of("bafyreihyrpefhacm6kkp4ql6j6udakdit7g3dmkzfriqfykhjw6cad5lrm",
                    "bafyreidj5idub6mapiupjwjsyyxhyhedxycv4vihfsicm2vt46o7morwlm"),
            "go-sample-unixfs-v2.car", List.of("bafybeiakgrehdxxgy5kca72znt6jllrj2sqkehtqeojfuxlbeuqg3vfkwq"),
            "go-sample-wrapped-v2.car", List.of("bafy2bzaced4ueelaegfs5fqu4tzsh6ywbbpfk3cxppupmxfdhbpbhzawfw5oy"),
            "hello.car", List.of("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"),
            "hello-wrap.car", List.of("bafybeidhkumeonuwkebh2i4fc7o7lguehauradvlk57gzake6ggjsy372a"),
            "tiny-v2.car", List.of("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4"));

    @Test
    void secp256k1MessageDecodesToTenFieldsAndReencodesExactly() {
        JsonNode v = VECTORS.get("messages").get("secp256k1");
        byte[] bytes = HexFormat.of().parseHex(v.get("cbor").asString());

        CborValue generic = CborValue.decode(bytes);
        ArrayValue fields = assertInstanceOf(ArrayValue.class, generic);
        assertEquals(10, fields.items().size());
        assertEquals(CborValue.of(25000), fields.items().get(5));
        assertArrayEquals(bytes, generic.encode());

        TestMessage message = TestMessage.CODEC.decode(bytes);
        assertEquals(1, message.nonce());
        assertEquals(25000, message.gasLimit());
        assertEquals("000186a0", HexFormat.of().formatHex(message.value()), "100000 attoFIL: sign byte then magnitude");
        assertArrayEquals(new byte[0], message.params());
        assertArrayEquals(bytes, TestMessage.CODEC.encode(message));

        Cid cid = TestMessage.CODEC.cid(message);
        assertEquals(v.get("cid").asString(), cid.toString());
        assertEquals(v.get("cid_bytes").asString(), HexFormat.of().formatHex(cid.bytes()));
        assertEquals(cid, Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, bytes));
    }

    @Test
    void oneBlockCarHeaderFromTheVectors() {
        byte[] car = HexFormat.of().parseHex(VECTORS.get("car").get("one_block_carv1_hex").asString());
        assertCarV1Header("one_block_carv1_hex", car, 0, CAR_ROOTS.get("hello.car"));
    }

    @Test
    void everyCarFixtureHeaderReencodesToTheSameBytes() {
        for (Map.Entry<String, List<String>> fixture : CAR_ROOTS.entrySet()) {
            byte[] car = resource("/vectors/car/" + fixture.getKey());
            if (Arrays.equals(car, 0, CARV2_PRAGMA.length, CARV2_PRAGMA, 0, CARV2_PRAGMA.length)) {
                // CARv2: the pragma is itself a dag-cbor map {version: 2} behind a varint length.
                MapValue pragma = assertInstanceOf(MapValue.class, decodeSection(car, 0));
                assertEquals(CborValue.of(2), pragma.entries().get("version"));
                long dataOffset = ByteBuffer.wrap(car, CARV2_PRAGMA.length + 16, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                assertCarV1Header(fixture.getKey(), car, (int) dataOffset, fixture.getValue());
            } else {
                assertCarV1Header(fixture.getKey(), car, 0, fixture.getValue());
            }
        }
    }

    private static void assertCarV1Header(String name, byte[] car, int offset, List<String> roots) {
        MapValue header = assertInstanceOf(MapValue.class, decodeSection(car, offset), name);
        assertEquals(List.of("roots", "version"), List.copyOf(header.entries().keySet()), name);
        assertEquals(new IntValue(java.math.BigInteger.ONE), header.entries().get("version"), name);
        ArrayValue rootList = assertInstanceOf(ArrayValue.class, header.entries().get("roots"), name);
        assertEquals(roots, rootList.items().stream().map(r -> ((LinkValue) r).cid().toString()).toList(), name);
    }

    /** Decodes the varint-length-prefixed dag-cbor block at {@code offset} in place, and re-encodes it. */
    private static CborValue decodeSection(byte[] car, int offset) {
        Varint.Decoded length = Varint.decode(car, offset);
        int start = offset + length.length();
        CborReader reader = new CborReader(car, start, (int) length.value(), CborOptions.DEFAULT);
        CborValue value = CborValue.CODEC.decode(reader);
        reader.finish();
        assertArrayEquals(Arrays.copyOfRange(car, start, start + (int) length.value()), value.encode());
        return value;
    }

    private static JsonNode load() {
        return JsonMapper.shared().readTree(resource("/vectors/filecoin.json"));
    }

    private static byte[] resource(String path) {
        try (InputStream in = CborVectorsTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

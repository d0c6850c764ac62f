package dev.granary.multiformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CidTest {

    private static final JsonNode CIDS = load().get("cids");

    private static JsonNode load() {
        try (InputStream in = CidTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return JsonMapper.shared().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helloWorldVectors() throws Exception {
        JsonNode v = CIDS.get("hello_world_newline");
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello world\n".getBytes(StandardCharsets.US_ASCII));
        Multihash multihash = Multihash.of(Multicodec.SHA2_256, digest);

        Cid raw = Cid.v1(Multicodec.RAW, multihash);
        assertEquals(v.get("cid_v1_raw").asString(), raw.toString());
        Cid dagPb = Cid.v1(Multicodec.DAG_PB, multihash);
        assertEquals(v.get("cid_v1_dag_pb").asString(), dagPb.toString());
        assertEquals(v.get("cid_v1_dag_pb_bytes").asString(), HexFormat.of().formatHex(dagPb.bytes()));

        Cid parsed = Cid.parse(v.get("cid_v1_raw").asString());
        assertEquals(raw, parsed);
        assertEquals(raw.hashCode(), parsed.hashCode());
        assertEquals(1, parsed.version());
        assertEquals(Multicodec.RAW.code(), parsed.codec());
        assertArrayEquals(digest, parsed.multihash().digest());
        assertNotEquals(raw, dagPb);
    }

    @Test
    void codesMatchTheMulticodecTable() {
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : CIDS.get("codes").properties()) {
            long code = Long.decode(e.getValue().asString());
            Multicodec codec = Multicodec.byCode(code).orElseThrow(() -> new AssertionError("missing " + e.getKey()));
            assertEquals(e.getKey(), codec.tableName());
            checked++;
        }
        assertEquals(Multicodec.values().length, checked, "every constant has a vector");
        assertEquals("fil-commitment-unsealed (0xf101)", Multicodec.describe(0xf101));
        assertEquals("0x1234", Multicodec.describe(0x1234));
    }

    @Test
    void bytesRoundTripWithLargeCodes() {
        Cid cid = Cid.v1(0xf102, new Multihash(0x1012, new byte[32]));
        assertEquals(cid, Cid.fromBytes(cid.bytes()));
        assertEquals(cid, Cid.parse(cid.toString()));
        assertTrue(cid.toString().startsWith("b"));
    }

    @Test
    void cidV0ParsesPrintsAndConvertsToV1() {
        JsonNode v = CIDS.get("hello_world_newline");
        String text = v.get("cid_v0").asString();
        Cid v0 = Cid.parse(text);
        assertEquals(0, v0.version());
        assertEquals(Multicodec.DAG_PB.code(), v0.codec());
        assertEquals(text, v0.toString());
        assertEquals(text, v0.toString(Multibase.BASE58BTC));
        assertEquals(34, v0.bytes().length);
        assertEquals(v0, Cid.fromBytes(v0.bytes()));
        assertEquals(v0, Cid.v0(v0.multihash()));
        assertArrayEquals(v0.multihash().bytes(), v0.bytes());

        Cid v1 = v0.toV1();
        assertEquals(v.get("cid_v1_dag_pb").asString(), v1.toString());
        assertEquals(v.get("cid_v1_dag_pb_bytes").asString(), HexFormat.of().formatHex(v1.bytes()));
        assertNotEquals(v0, v1, "the same content under two versions is two CIDs, as in go-cid");
        assertEquals(v1, v1.toV1());
        assertThrows(IllegalArgumentException.class, () -> v0.toString(Multibase.BASE32));
        assertThrows(IllegalArgumentException.class, () -> Cid.v0(Multihash.sum(Multicodec.BLAKE2B_256, new byte[1])));
    }

    @Test
    void cidsComputedFromData() {
        JsonNode v = CIDS.get("hello_world_newline");
        byte[] data = "hello world\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(v.get("cid_v1_raw").asString(), Cid.of(Multicodec.RAW, Multicodec.SHA2_256, data).toString());
        assertEquals(v.get("cid_v1_dag_pb").asString(),
                Cid.of(Multicodec.DAG_PB.code(), Multicodec.SHA2_256.code(), data).toString());
        Cid identity = Cid.of(Multicodec.RAW, Multicodec.IDENTITY, data);
        assertArrayEquals(data, identity.multihash().digest());
        assertThrows(IllegalArgumentException.class, () -> Cid.of(Multicodec.RAW, Multicodec.SHA2_256_TRUNC254_PADDED, data));
        assertThrows(IllegalArgumentException.class, () -> Cid.of(0x55, 0x9999, data));
    }

    @Test
    void otherMultibasesOfTheSameCid() {
        Cid cid = Cid.parse(CIDS.get("hello_world_newline").get("cid_v1_raw").asString());
        for (Multibase base : Multibase.values()) {
            String text = cid.toString(base);
            assertEquals(base.prefix(), text.charAt(0));
            assertEquals(cid, Cid.parse(text), base.label());
        }
        assertEquals("zb2rhi36Gc9GJWijLEL6zW45MBux5FcFv5gJmjXA7VAMozEXY", cid.toString(Multibase.BASE58BTC));
    }

    @Test
    void decodesACidAtTheFrontOfLongerBytes() {
        Cid v1 = Cid.parse(CIDS.get("hello_world_newline").get("cid_v1_raw").asString());
        Cid v0 = Cid.parse(CIDS.get("hello_world_newline").get("cid_v0").asString());
        for (Cid cid : new Cid[] {v1, v0}) {
            byte[] section = new byte[cid.bytes().length + 7];
            System.arraycopy(cid.bytes(), 0, section, 3, cid.bytes().length);
            assertEquals(new Cid.Decoded(cid, cid.bytes().length), Cid.decode(section, 3));
        }
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertEquals("'QmZjTnYw2TFhn9Nn7tjmPSoTBoY7YRkwPzwSrSbabY24K0' is not a CID: '0' at position 46 is not a "
                + "base58btc character",
                assertThrows(FormatException.class, () -> Cid.parse("QmZjTnYw2TFhn9Nn7tjmPSoTBoY7YRkwPzwSrSbabY24K0"))
                        .getMessage());
        assertEquals("'Qm' is not a CID: unsupported multibase prefix 'Q' (supported: 'b' base32, 'z' base58btc, "
                + "'m' base64, 'M' base64pad)", assertThrows(FormatException.class, () -> Cid.parse("Qm")).getMessage());
        assertEquals("empty text is not a CID", assertThrows(FormatException.class, () -> Cid.parse("")).getMessage());
        String longText = "b" + "a".repeat(1000) + "1";
        assertTrue(assertThrows(FormatException.class, () -> Cid.parse(longText)).getMessage()
                .startsWith("'" + "b" + "a".repeat(79) + "…' (1002 characters) is not a CID: "));
        byte[] version2 = HexFormat.of().parseHex("0255122000");
        assertEquals("CID version 2 is not supported (only a bare CIDv0 multihash or version 1)",
                assertThrows(FormatException.class, () -> Cid.fromBytes(version2)).getMessage());
        byte[] explicitV0 = HexFormat.of().parseHex("0070122000");
        assertEquals("CID version 0 is not supported (only a bare CIDv0 multihash or version 1)",
                assertThrows(FormatException.class, () -> Cid.fromBytes(explicitV0)).getMessage());
        byte[] shortDigest = HexFormat.of().parseHex("015512200102");
        assertEquals("multihash sha2-256 (0x12) declares a 32-byte digest but only 2 bytes follow",
                assertThrows(FormatException.class, () -> Cid.fromBytes(shortDigest)).getMessage());
        byte[] trailing = HexFormat.of().parseHex("0155120100ff");
        assertEquals("1 bytes follow the multihash",
                assertThrows(FormatException.class, () -> Cid.fromBytes(trailing)).getMessage());
        byte[] shortV0 = HexFormat.of().parseHex("1220aabb");
        assertEquals("CIDv0 at byte 0 is truncated: 4 of 34 bytes",
                assertThrows(FormatException.class, () -> Cid.fromBytes(shortV0)).getMessage());
        byte[] nonMinimalCodec = HexFormat.of().parseHex("01d500120100");
        assertEquals("varint at byte 1 is not minimally encoded",
                assertThrows(FormatException.class, () -> Cid.fromBytes(nonMinimalCodec)).getMessage());
        assertThrows(FormatException.class, () -> Cid.fromBytes(new byte[0]));
    }
}

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
    void parseErrorsSayWhatIsWrong() {
        assertEquals("'QmZjTnYw2TFhn9Nn7tjmPSoTBoY7YRkwPzwSrSbabY24Kp' is not a CID: unsupported multibase prefix 'Q' "
                + "(supported: 'b' base32)",
                assertThrows(IllegalArgumentException.class, () -> Cid.parse(CIDS.get("hello_world_newline")
                        .get("cid_v0").asString())).getMessage());
        byte[] version2 = HexFormat.of().parseHex("0255122000");
        assertEquals("CID version 2 is not supported (only 1)",
                assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(version2)).getMessage());
        byte[] shortDigest = HexFormat.of().parseHex("015512200102");
        assertEquals("multihash sha2-256 (0x12) declares a 32-byte digest but only 2 bytes follow",
                assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(shortDigest)).getMessage());
        byte[] trailing = HexFormat.of().parseHex("0155120100ff");
        assertEquals("1 bytes follow the multihash",
                assertThrows(IllegalArgumentException.class, () -> Cid.fromBytes(trailing)).getMessage());
    }
}

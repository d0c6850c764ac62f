package dev.granary.lotusjson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Network;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import java.io.InputStream;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LotusJsonTest {

    static final LotusJson TESTNET = new LotusJson(Network.TESTNET);
    static final JsonMapper MAPPER = LotusJsonModule.mapper(TESTNET);

    static JsonNode vector() throws Exception {
        try (InputStream in = LotusJsonTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return JsonMapper.builder().build().readTree(in).get("messages").get("secp256k1");
        }
    }

    @Test
    void aMessageReadsFromAndWritesToLotusJson() throws Exception {
        JsonNode v = vector();
        // The vector's message object is Lotus JSON (Params "" is Go's empty slice).
        Message msg = LotusJson.message(v.get("message"), "message");
        assertEquals(v.get("cid").asString(), msg.cid().toString());
        assertEquals(v.get("cbor").asString(), java.util.HexFormat.of().formatHex(msg.toCbor()));

        JsonNode written = MAPPER.readTree(MAPPER.writeValueAsString(msg));
        assertEquals("t17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy", written.get("To").asString());
        assertEquals("100000", written.get("Value").asString());
        assertEquals(25000, written.get("GasLimit").asLong());
        assertTrue(written.get("Params").isNull());
        assertEquals(v.get("cid").asString(), written.get("CID").get("/").asString());
        assertEquals(msg, MAPPER.readValue(written.toString(), Message.class));
    }

    @Test
    void aSignedMessageCarriesItsSignatureAndSignedCid() throws Exception {
        JsonNode v = vector();
        Message msg = LotusJson.message(v.get("message"), "message");
        SignedMessage signed = msg.sign(PrivateKey.of(KeyType.SECP256K1,
            Base64.getDecoder().decode(v.get("private_key_base64").asString())));
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(signed));
        assertEquals(1, json.at("/Signature/Type").asInt());
        assertEquals(v.get("signature_base64").asString(), json.at("/Signature/Data").asString());
        assertEquals(v.get("signed_cid").asString(), json.at("/CID/~1").asString());
        assertEquals(signed, MAPPER.readValue(json.toString(), SignedMessage.class));
    }

    @Test
    void cidsAndAmountsUseLotusShapes() throws Exception {
        Cid cid = Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
        assertEquals("{\"/\":\"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4\"}", MAPPER.writeValueAsString(cid));
        assertEquals(cid, MAPPER.readValue("{\"/\":\"bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4\"}", Cid.class));
        assertEquals("\"1500000000000000000\"", MAPPER.writeValueAsString(TokenAmount.parse("1.5 FIL")));
        assertEquals(TokenAmount.parse("250 nanoFIL"), MAPPER.readValue("\"250000000000\"", TokenAmount.class));
    }

    @Test
    void malformedJsonNamesTheField() throws Exception {
        JsonNode v = vector();
        String bad = v.get("message").toString().replace("\"Value\":\"100000\"", "\"Value\":100000");
        var e = assertThrows(JacksonException.class, () -> MAPPER.readValue(bad, Message.class));
        assertTrue(e.getMessage().contains("Value"), e.getMessage());
        var cidError = assertThrows(LotusJsonException.class,
            () -> LotusJson.cid(MAPPER.readTree("{\"/\":\"bafy!!\"}"), "Parent"));
        assertTrue(cidError.getMessage().startsWith("Parent: "), cidError.getMessage());
    }
}

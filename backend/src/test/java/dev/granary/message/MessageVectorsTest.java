package dev.granary.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.crypto.Signature;
import dev.granary.fil.TokenAmount;
import java.io.InputStream;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The messages vectors: exact CBOR bytes, CIDs, signatures and the signed-CID rule for both key types. */
class MessageVectorsTest {

    static JsonNode vectors() throws Exception {
        try (InputStream in = MessageVectorsTest.class.getResourceAsStream("/vectors/filecoin.json")) {
            return JsonMapper.builder().build().readTree(in).get("messages");
        }
    }

    static Message message(JsonNode m) {
        return new Message(m.get("Version").asLong(), Address.parse(m.get("To").asString()),
            Address.parse(m.get("From").asString()), m.get("Nonce").asLong(),
            TokenAmount.ofAtto(new java.math.BigInteger(m.get("Value").asString())), m.get("GasLimit").asLong(),
            TokenAmount.ofAtto(new java.math.BigInteger(m.get("GasFeeCap").asString())),
            TokenAmount.ofAtto(new java.math.BigInteger(m.get("GasPremium").asString())), m.get("Method").asLong(),
            Base64.getDecoder().decode(m.get("Params").asString()));
    }

    @Test
    void secp256k1MessageEncodesSignsAndIdentifiesExactly() throws Exception {
        JsonNode v = vectors().get("secp256k1");
        Message msg = message(v.get("message"));
        assertEquals(v.get("cbor").asString(), HexFormat.of().formatHex(msg.toCbor()));
        assertEquals(v.get("cid").asString(), msg.cid().toString());
        assertEquals(v.get("cid_bytes").asString(), HexFormat.of().formatHex(msg.cid().bytes()));
        assertEquals(msg, Message.fromCbor(msg.toCbor()));

        PrivateKey key = PrivateKey.of(KeyType.SECP256K1, Base64.getDecoder().decode(v.get("private_key_base64").asString()));
        SignedMessage signed = msg.sign(key);
        assertArrayEquals(Base64.getDecoder().decode(v.get("signature_base64").asString()), signed.signature().data());
        assertEquals(v.get("signed_cid").asString(), signed.cid().toString());
        assertTrue(signed.verify());
        assertEquals(signed, SignedMessage.fromCbor(signed.toCbor()));
    }

    @Test
    void blsMessageIsIdentifiedByItsUnsignedCid() throws Exception {
        JsonNode v = vectors().get("bls");
        Message msg = message(v.get("message"));
        assertEquals(v.get("cid").asString(), msg.cid().toString());
        PrivateKey key = PrivateKey.of(KeyType.BLS,
            Base64.getDecoder().decode(v.get("private_key_base64_little_endian").asString()));
        SignedMessage signed = msg.sign(key);
        assertArrayEquals(Base64.getDecoder().decode(v.get("signature_base64").asString()), signed.signature().data());
        assertEquals(msg.cid(), signed.cid());
        assertTrue(signed.verify());
    }

    @Test
    void aChangedMessageNoLongerVerifies() throws Exception {
        JsonNode v = vectors().get("secp256k1");
        Message msg = message(v.get("message"));
        PrivateKey key = PrivateKey.of(KeyType.SECP256K1, Base64.getDecoder().decode(v.get("private_key_base64").asString()));
        SignedMessage signed = msg.sign(key);
        Message changed = new Message(msg.version(), msg.to(), msg.from(), msg.nonce() + 1, msg.value(), msg.gasLimit(),
            msg.gasFeeCap(), msg.gasPremium(), msg.method(), msg.params());
        assertFalse(new SignedMessage(changed, signed.signature()).verify());
        Signature other = PrivateKey.generate(KeyType.SECP256K1, new java.security.SecureRandom()).sign(msg.cid().bytes());
        assertFalse(new SignedMessage(msg, other).verify());
    }
}

package dev.granary.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.cbor.CborException;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.lotusjson.LotusJson;
import dev.granary.lotusjson.LotusJsonModule;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Random messages survive CBOR and Lotus JSON unchanged, signed ones still verify. */
class MessageRoundTripTest {

    private static final JsonMapper JSON = LotusJsonModule.mapper(new LotusJson(Network.TESTNET));

    static Message random(Random r, Address from) {
        byte[] params = new byte[r.nextInt(4) == 0 ? 0 : r.nextInt(300)];
        r.nextBytes(params);
        return new Message(0, Address.ofId(r.nextLong() >>> 1), from, r.nextLong(),
            TokenAmount.ofAtto(new BigInteger(r.nextInt(100), r)), r.nextLong(),
            TokenAmount.ofAtto(new BigInteger(r.nextInt(70), r)), TokenAmount.ofAtto(new BigInteger(r.nextInt(70), r)),
            r.nextLong(), params);
    }

    @Test
    void randomMessagesRoundTripThroughCborAndJson() throws Exception {
        Random r = new Random(20261121);
        PrivateKey secp = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom(new byte[] {1}));
        PrivateKey bls = PrivateKey.generate(KeyType.BLS, new SecureRandom(new byte[] {2}));
        for (int i = 0; i < 300; i++) {
            PrivateKey key = i % 2 == 0 ? secp : bls;
            Message m = random(r, key.address());
            byte[] cbor = m.toCbor();
            Message back = Message.fromCbor(cbor);
            assertEquals(m, back);
            assertArrayEquals(cbor, back.toCbor());
            assertEquals(m, JSON.readValue(JSON.writeValueAsString(m), Message.class));
            if (i % 10 == 0) {
                SignedMessage signed = m.sign(key);
                SignedMessage decoded = SignedMessage.fromCbor(signed.toCbor());
                assertTrue(decoded.verify());
                assertEquals(signed.cid(), decoded.cid());
                assertEquals(signed, JSON.readValue(JSON.writeValueAsString(signed), SignedMessage.class));
            }
        }
    }

    @Test
    void truncatedOrPaddedMessagesAreTypedErrors() {
        Message m = random(new Random(7), Address.ofId(1000));
        byte[] cbor = m.toCbor();
        for (int len = 0; len < cbor.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(cbor, len);
            assertThrows(CborException.class, () -> Message.fromCbor(cut), "prefix of " + len + " bytes");
        }
        byte[] longer = java.util.Arrays.copyOf(cbor, cbor.length + 1);
        assertThrows(CborException.class, () -> Message.fromCbor(longer), "trailing byte");
    }
}

package dev.granary.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void serializedFormIsTypeByteThenData() {
        byte[] data = Vectors.base64(Vectors.MESSAGES.get("secp256k1"), "signature_base64");
        Signature signature = new Signature(SignatureType.SECP256K1, data);
        byte[] bytes = signature.bytes();
        assertEquals(1, bytes[0]);
        assertEquals(66, bytes.length);
        assertEquals(signature, Signature.fromBytes(bytes));
        assertEquals(SignatureType.BLS, Signature.fromBytes(new byte[] {2, 9}).type());
        assertEquals(SignatureType.DELEGATED, Signature.fromBytes(new byte[] {3}).type());
    }

    @Test
    void randomSignaturesRoundTrip() {
        Random random = new Random(4_0601);
        for (int i = 0; i < 1_000; i++) {
            byte[] data = new byte[random.nextInt(Signature.MAX_LENGTH)];
            random.nextBytes(data);
            Signature signature = new Signature(SignatureType.values()[random.nextInt(3)], data);
            Signature decoded = Signature.fromBytes(signature.bytes());
            assertEquals(signature, decoded);
            assertEquals(signature.hashCode(), decoded.hashCode());
            assertArrayEquals(data, decoded.data());
        }
    }

    @Test
    void rejectsMalformedBytes() {
        assertTrue(assertThrows(CryptoFormatException.class, () -> Signature.fromBytes(new byte[0]))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(CryptoFormatException.class, () -> Signature.fromBytes(new byte[] {0, 1}))
                .getMessage().contains("unknown signature type 0"));
        assertThrows(CryptoFormatException.class, () -> Signature.fromBytes(new byte[] {4, 1}));
        assertThrows(CryptoFormatException.class, () -> Signature.fromBytes(new byte[Signature.MAX_LENGTH + 1]));
        assertThrows(CryptoFormatException.class, () -> new Signature(SignatureType.BLS, new byte[Signature.MAX_LENGTH]));
        assertThrows(CryptoFormatException.class, () -> Signature.fromBytes(null));
    }

    @Test
    void typeCodesAreFilecoins() {
        assertEquals(1, SignatureType.SECP256K1.code());
        assertEquals(2, SignatureType.BLS.code());
        assertEquals(3, SignatureType.DELEGATED.code());
        assertEquals(SignatureType.SECP256K1, KeyType.SECP256K1.signatureType());
        assertEquals(SignatureType.BLS, KeyType.BLS.signatureType());
    }
}

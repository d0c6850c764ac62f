package dev.granary.crypto;

import dev.granary.multiformats.Blake2b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.granary.address.Address;
import dev.granary.address.Network;
import tools.jackson.databind.JsonNode;

class Secp256k1Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final BigInteger N =
            new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final JsonNode MESSAGE = Vectors.MESSAGES.get("secp256k1");

    @Test
    void vectorKeyGivesThePublicKeyAndAddress() {
        for (JsonNode v : Vectors.ADDRESSES.get("secp256k1")) {
            byte[] privateKey = Vectors.base64(v, "private_key_base64");
            byte[] publicKey = Secp256k1.publicKey(privateKey);
            assertEquals(v.get("public_key_65").asString(), HEX.formatHex(publicKey));
            assertEquals(v.get("testnet_address").asString(), Secp256k1.address(publicKey).toString(Network.TESTNET));
            PrivateKey key = PrivateKey.of(KeyType.SECP256K1, privateKey);
            assertEquals(Address.parse(v.get("testnet_address").asString()), key.address());
        }
    }

    @Test
    void signsTheVectorMessageCidToTheExactSignature() {
        byte[] privateKey = Vectors.base64(MESSAGE, "private_key_base64");
        byte[] cid = HEX.parseHex(MESSAGE.get("cid_bytes").asString());
        byte[] expected = Vectors.base64(MESSAGE, "signature_base64");

        assertArrayEquals(expected, Secp256k1.sign(privateKey, cid));
        assertArrayEquals(expected, Secp256k1.signDigest(privateKey, Blake2b.sum256(cid)));
        Signature signature = PrivateKey.of(KeyType.SECP256K1, privateKey).sign(cid);
        assertEquals(SignatureType.SECP256K1, signature.type());
        assertArrayEquals(expected, signature.data());

        Address from = Address.parse(MESSAGE.get("message").get("From").asString());
        assertTrue(signature.verify(from, cid));
        assertArrayEquals(Secp256k1.publicKey(privateKey), Secp256k1.recoverPublicKey(expected, cid));
        assertTrue(Secp256k1.verify(expected, cid, Secp256k1.publicKey(privateKey)));
    }

    @Test
    void tamperedSignaturesMessagesAndWrongKeysFail() {
        byte[] privateKey = Vectors.base64(MESSAGE, "private_key_base64");
        byte[] publicKey = Secp256k1.publicKey(privateKey);
        byte[] cid = HEX.parseHex(MESSAGE.get("cid_bytes").asString());
        byte[] signature = Secp256k1.sign(privateKey, cid);
        Address from = Secp256k1.address(publicKey);

        for (int i = 0; i < signature.length; i++) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;
            assertFalse(Secp256k1.verify(tampered, cid, publicKey), "flipped bit in byte " + i);
            assertFalse(new Signature(SignatureType.SECP256K1, tampered).verify(from, cid), "byte " + i);
        }
        byte[] otherMessage = cid.clone();
        otherMessage[otherMessage.length - 1] ^= 1;
        assertFalse(Secp256k1.verify(signature, otherMessage, publicKey));

        byte[] otherKey = Secp256k1.publicKey(Secp256k1.generatePrivateKey(new SecureRandom()));
        assertFalse(Secp256k1.verify(signature, cid, otherKey));
        assertFalse(new Signature(SignatureType.SECP256K1, signature).verify(Secp256k1.address(otherKey), cid));
        // A secp256k1 signature never verifies for a BLS or ID address.
        assertFalse(new Signature(SignatureType.SECP256K1, signature).verify(Address.ofId(1000), cid));
    }

    @Test
    void signaturesAreLowSAndHighSVariantsRecoverTheSameKey() {
        Random random = new Random(4_0301);
        for (int i = 0; i < 50; i++) {
            byte[] privateKey = Secp256k1.generatePrivateKey(new SeededRandom(random.nextLong()));
            byte[] message = new byte[random.nextInt(100)];
            random.nextBytes(message);
            byte[] signature = Secp256k1.sign(privateKey, message);
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
            assertTrue(s.compareTo(N.shiftRight(1)) <= 0, "low S");
            assertTrue(signature[64] == 0 || signature[64] == 1, "recovery id");

            // Lotus verifies by recovery, which also accepts the malleated (n - s, V ^ 1) form.
            byte[] high = signature.clone();
            System.arraycopy(unsigned32(N.subtract(s)), 0, high, 32, 32);
            high[64] ^= 1;
            assertArrayEquals(Secp256k1.publicKey(privateKey), Secp256k1.recoverPublicKey(high, message));
        }
    }

    @Test
    void randomKeysSignVerifyAndRecover() {
        Random random = new Random(4_0302);
        for (int i = 0; i < 100; i++) {
            PrivateKey key = PrivateKey.generate(KeyType.SECP256K1, new SeededRandom(random.nextLong()));
            byte[] message = new byte[1 + random.nextInt(200)];
            random.nextBytes(message);
            Signature signature = key.sign(message);
            assertEquals(Secp256k1.SIGNATURE_LENGTH, signature.data().length);
            assertTrue(signature.verify(key.address(), message));
            assertArrayEquals(key.publicKey(), Secp256k1.recoverPublicKey(signature.data(), message));
            assertArrayEquals(signature.data(), key.sign(message).data(), "deterministic");
        }
    }

    @Test
    void malformedSignaturesAreTypedErrors() {
        byte[] cid = HEX.parseHex(MESSAGE.get("cid_bytes").asString());
        byte[] good = Vectors.base64(MESSAGE, "signature_base64");
        byte[] badV = good.clone();
        badV[64] = 4;
        byte[] zeroR = good.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        byte[] sOverN = good.clone();
        java.util.Arrays.fill(sOverN, 32, 64, (byte) 0xff);
        byte[] rNotOnCurve = good.clone();
        System.arraycopy(unsigned32(BigInteger.valueOf(5)), 0, rNotOnCurve, 0, 32); // x = 5: 125 + 7 is not a square mod p
        for (byte[] bad : new byte[][] {new byte[0], new byte[64], new byte[66], badV, zeroR, sOverN, rNotOnCurve}) {
            assertThrows(CryptoFormatException.class, () -> Secp256k1.recoverPublicKey(bad, cid));
            assertFalse(Secp256k1.verify(bad, cid, Secp256k1.publicKey(Vectors.base64(MESSAGE, "private_key_base64"))));
        }
        byte[] highRecoveryId = good.clone();
        highRecoveryId[64] = 2; // r + n exceeds p for any realistic r
        assertThrows(CryptoFormatException.class, () -> Secp256k1.recoverPublicKey(highRecoveryId, cid));
    }

    @Test
    void privateKeysMustBeInRange() {
        assertFalse(Secp256k1.isValidPrivateKey(new byte[32]));
        assertFalse(Secp256k1.isValidPrivateKey(unsigned32(N)));
        assertTrue(Secp256k1.isValidPrivateKey(unsigned32(N.subtract(BigInteger.ONE))));
        assertFalse(Secp256k1.isValidPrivateKey(new byte[31]));
        assertThrows(CryptoFormatException.class, () -> Secp256k1.sign(new byte[32], new byte[1]));
        assertThrows(CryptoFormatException.class, () -> PrivateKey.of(KeyType.SECP256K1, new byte[33]));
        assertNotEquals(HEX.formatHex(Secp256k1.publicKey(unsigned32(BigInteger.ONE))),
                HEX.formatHex(Secp256k1.publicKey(unsigned32(BigInteger.TWO))));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }
}

package dev.granary.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.multiformats.Cid;
import tools.jackson.databind.JsonNode;

class BlsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode MESSAGE = Vectors.MESSAGES.get("bls");

    @Test
    void littleEndianVectorKeyGivesThePublicKeyAndAddress() {
        for (JsonNode v : Vectors.ADDRESSES.get("bls")) {
            byte[] privateKey = Vectors.base64(v, "private_key_base64_little_endian");
            byte[] publicKey = Bls.publicKey(privateKey);
            assertEquals(v.get("public_key_48").asString(), HEX.formatHex(publicKey));
            assertEquals(v.get("testnet_address").asString(), Bls.address(publicKey).toString(Network.TESTNET));
            assertEquals(Address.parse(v.get("testnet_address").asString()),
                    PrivateKey.of(KeyType.BLS, privateKey).address());
        }
    }

    @Test
    void signsTheVectorMessageCidToTheExactSignature() {
        byte[] privateKey = Vectors.base64(MESSAGE, "private_key_base64_little_endian");
        byte[] cid = Cid.parse(MESSAGE.get("cid").asString()).bytes();
        byte[] expected = Vectors.base64(MESSAGE, "signature_base64");

        assertArrayEquals(expected, Bls.sign(privateKey, cid));
        Signature signature = PrivateKey.of(KeyType.BLS, privateKey).sign(cid);
        assertEquals(SignatureType.BLS, signature.type());
        assertArrayEquals(expected, signature.data());
        assertTrue(Bls.verify(expected, cid, Bls.publicKey(privateKey)));
        assertTrue(signature.verify(Address.parse(MESSAGE.get("message").get("From").asString()), cid));
    }

    @Test
    void tamperedSignaturesMessagesAndWrongKeysFail() {
        byte[] privateKey = Vectors.base64(MESSAGE, "private_key_base64_little_endian");
        byte[] publicKey = Bls.publicKey(privateKey);
        byte[] cid = Cid.parse(MESSAGE.get("cid").asString()).bytes();
        byte[] signature = Bls.sign(privateKey, cid);

        for (int i : new int[] {0, 1, 47, 48, 95}) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;
            assertFalse(Bls.verify(tampered, cid, publicKey), "flipped bit in byte " + i);
        }
        byte[] otherMessage = cid.clone();
        otherMessage[5] ^= 1;
        assertFalse(Bls.verify(signature, otherMessage, publicKey));
        byte[] otherKey = Bls.publicKey(Bls.generatePrivateKey(new SeededRandom(1)));
        assertFalse(Bls.verify(signature, cid, otherKey));
        assertFalse(new Signature(SignatureType.BLS, signature).verify(Address.bls(otherKey), cid));
        // A BLS signature never verifies for a secp256k1 address, nor a delegated signature for anything.
        assertFalse(new Signature(SignatureType.BLS, signature).verify(Address.actor(new byte[1]), cid));
        assertFalse(new Signature(SignatureType.DELEGATED, signature).verify(Address.bls(publicKey), cid));
    }

    @Test
    void malformedPointsFailVerification() {
        byte[] privateKey = Bls.generatePrivateKey(new SeededRandom(2));
        byte[] message = {1, 2, 3};
        byte[] signature = Bls.sign(privateKey, message);
        byte[] publicKey = Bls.publicKey(privateKey);

        byte[] infinityKey = new byte[48];
        infinityKey[0] = (byte) 0xc0;
        assertFalse(Bls.verify(signature, message, infinityKey));
        assertFalse(Bls.verify(signature, message, new byte[48]));
        assertFalse(Bls.verify(signature, message, new byte[47]));
        assertFalse(Bls.verify(new byte[96], message, publicKey));
        assertFalse(Bls.verify(new byte[95], message, publicKey));
        assertFalse(Bls.verify(null, message, publicKey));
        assertFalse(Bls.verify(signature, message, outsideTheSubgroup(48)));
        assertFalse(Bls.verify(outsideTheSubgroup(96), message, publicKey));
        assertTrue(Bls.verify(signature, message, publicKey));
    }

    @Test
    void aggregateVerificationAsForBlocks() {
        Random random = new Random(4_0401);
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> publicKeys = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] privateKey = Bls.generatePrivateKey(new SeededRandom(random.nextLong()));
            byte[] message = new byte[38];
            random.nextBytes(message);
            messages.add(message);
            publicKeys.add(Bls.publicKey(privateKey));
            signatures.add(Bls.sign(privateKey, message));
        }
        byte[] aggregate = Bls.aggregate(signatures);
        assertEquals(Bls.SIGNATURE_LENGTH, aggregate.length);
        assertTrue(Bls.verifyAggregate(aggregate, messages, publicKeys));

        // One signature over a different message spoils the aggregate.
        List<byte[]> withOneBad = new ArrayList<>(signatures);
        withOneBad.set(3, Bls.sign(Bls.generatePrivateKey(new SeededRandom(9)), messages.get(3)));
        assertFalse(Bls.verifyAggregate(Bls.aggregate(withOneBad), messages, publicKeys));
        // A message missing, swapped keys, the same message twice: all fail.
        assertFalse(Bls.verifyAggregate(aggregate, messages.subList(0, 7), publicKeys.subList(0, 7)));
        List<byte[]> swapped = new ArrayList<>(publicKeys);
        swapped.set(0, publicKeys.get(1));
        swapped.set(1, publicKeys.get(0));
        assertFalse(Bls.verifyAggregate(aggregate, messages, swapped));
        List<byte[]> duplicated = new ArrayList<>(messages);
        duplicated.set(1, messages.get(0).clone());
        assertFalse(Bls.verifyAggregate(aggregate, duplicated, publicKeys));
        assertThrows(IllegalArgumentException.class, () -> Bls.verifyAggregate(aggregate, messages, publicKeys.subList(0, 2)));
        assertThrows(CryptoFormatException.class, () -> Bls.aggregate(List.of(signatures.get(0), new byte[96])));

        // A single signature is its own aggregate.
        assertArrayEquals(signatures.get(0), Bls.aggregate(List.of(signatures.get(0))));
        assertTrue(Bls.verifyAggregate(signatures.get(0), messages.subList(0, 1), publicKeys.subList(0, 1)));
    }

    @Test
    void noSignaturesAggregateToInfinity() {
        byte[] empty = Bls.aggregate(List.of());
        assertEquals("c0" + "00".repeat(95), HEX.formatHex(empty));
        assertTrue(Bls.verifyAggregate(empty, List.of(), List.of()));
        byte[] some = Bls.sign(Bls.generatePrivateKey(new SeededRandom(3)), new byte[1]);
        assertFalse(Bls.verifyAggregate(some, List.of(), List.of()));
    }

    @Test
    void randomKeysSignAndVerify() {
        Random random = new Random(4_0402);
        for (int i = 0; i < 10; i++) {
            PrivateKey key = PrivateKey.generate(KeyType.BLS, new SeededRandom(random.nextLong()));
            byte[] message = new byte[random.nextInt(100)];
            random.nextBytes(message);
            Signature signature = key.sign(message);
            assertEquals(Bls.SIGNATURE_LENGTH, signature.data().length);
            assertTrue(signature.verify(key.address(), message));
            assertArrayEquals(signature.data(), key.sign(message).data(), "deterministic");
        }
    }

    @Test
    void privateKeysMustBeBelowTheGroupOrder() {
        byte[] order = HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        byte[] littleEndianOrder = reversed(order);
        assertFalse(Bls.isValidPrivateKey(littleEndianOrder));
        littleEndianOrder[0]--; // r - 1
        assertTrue(Bls.isValidPrivateKey(littleEndianOrder));
        assertFalse(Bls.isValidPrivateKey(new byte[32]));
        byte[] bigEndianOne = new byte[32];
        bigEndianOne[31] = 1;
        assertTrue(Bls.isValidPrivateKey(bigEndianOne)); // 2^248 little-endian, still in range
        assertThrows(CryptoFormatException.class, () -> Bls.sign(new byte[32], new byte[1]));
        assertThrows(CryptoFormatException.class, () -> PrivateKey.of(KeyType.BLS, new byte[31]));
    }

    /** A compressed encoding of a point on the curve but outside the prime-order subgroup. */
    private static byte[] outsideTheSubgroup(int length) {
        Random random = new Random(length);
        while (true) {
            byte[] candidate = new byte[length];
            random.nextBytes(candidate);
            candidate[0] = (byte) ((candidate[0] & 0x0f) | 0x80); // compressed, not infinity, x below p
            try {
                if (length == 48 && !new supranational.blst.P1_Affine(candidate).in_group()) {
                    return candidate;
                }
                if (length == 96 && !new supranational.blst.P2_Affine(candidate).in_group()) {
                    return candidate;
                }
            } catch (RuntimeException notOnCurve) {
                // try another x
            }
        }
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }
}

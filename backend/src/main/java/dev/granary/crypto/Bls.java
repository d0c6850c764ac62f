package dev.granary.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;
import supranational.blst.Pairing;
import supranational.blst.SecretKey;

import dev.granary.address.Address;

/**
 * BLS12-381 signatures as Filecoin uses them (min-pk, through blst): 48-byte compressed G1 public
 * keys, 96-byte compressed G2 signatures, messages hashed to G2 with {@link #DST}, no proof of
 * possession. Private keys are 32-byte scalars stored little-endian, as Lotus stores them.
 */
public final class Bls {

    public static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";
    public static final int PRIVATE_KEY_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 48;
    public static final int SIGNATURE_LENGTH = 96;

    /** The order r of G1 and G2; private keys are in [1, r-1]. */
    private static final BigInteger ORDER =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);
    /** Compressed point at infinity: the aggregate of no signatures. */
    private static final byte[] INFINITY_SIGNATURE = infinitySignature();

    static {
        try {
            new SecretKey();
        } catch (LinkageError e) {
            throw new IllegalStateException("the blst native library for BLS signatures did not load on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (blst-java ships Linux and macOS, amd64 and aarch64)", e);
        }
    }

    private Bls() {
    }

    /** A key from 32 random bytes through blst's KeyGen (IETF draft), as Lotus generates them. */
    public static byte[] generatePrivateKey(SecureRandom random) {
        byte[] ikm = new byte[32];
        try {
            while (true) {
                random.nextBytes(ikm);
                SecretKey secret = new SecretKey();
                secret.keygen(ikm);
                byte[] key = secret.to_lendian();
                if (isValidPrivateKey(key)) {
                    return key;
                }
            }
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** 32 bytes whose little-endian value is in [1, r-1]. */
    public static boolean isValidPrivateKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != PRIVATE_KEY_LENGTH) {
            return false;
        }
        BigInteger value = new BigInteger(1, reversed(privateKey));
        return value.signum() > 0 && value.compareTo(ORDER) < 0;
    }

    public static byte[] publicKey(byte[] privateKey) {
        return new P1(secretKey(privateKey)).compress();
    }

    public static Address address(byte[] publicKey) {
        return Address.bls(publicKey);
    }

    /** Signs {@code message} (Lotus: a message's CID bytes); deterministic. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return new P2().hash_to(message, DST).sign_with(secretKey(privateKey)).compress();
    }

    /**
     * Whether {@code signature} signs {@code message} under {@code publicKey}. Malformed input, a
     * point outside its prime-order group and the infinity public key all fail.
     */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        P1_Affine key = publicKeyPoint(publicKey);
        P2_Affine sig = signaturePoint(signature);
        return key != null && sig != null && sig.core_verify(key, true, message, DST) == BLST_ERROR.BLST_SUCCESS;
    }

    /**
     * Adds signatures into one (a block's BLS aggregate). No signatures give the point at infinity,
     * the identity of aggregation.
     */
    public static byte[] aggregate(List<byte[]> signatures) {
        P2 sum = new P2(new P2_Affine(INFINITY_SIGNATURE));
        for (int i = 0; i < signatures.size(); i++) {
            P2_Affine point = signaturePoint(signatures.get(i));
            if (point == null) {
                throw new CryptoFormatException("signature " + i + " is not a valid BLS signature");
            }
            sum.aggregate(point);
        }
        return sum.compress();
    }

    /**
     * Whether {@code aggregate} is the sum of signatures of {@code messages[i]} under
     * {@code publicKeys[i]}. Messages must be distinct, as filecoin-ffi requires: without proofs of
     * possession, distinct messages are what stops rogue-key forgeries. Duplicates fail. With no
     * messages, only the infinity signature verifies.
     */
    public static boolean verifyAggregate(byte[] aggregate, List<byte[]> messages, List<byte[]> publicKeys) {
        if (messages.size() != publicKeys.size()) {
            throw new IllegalArgumentException(messages.size() + " messages but " + publicKeys.size() + " public keys");
        }
        P2_Affine sig = signaturePoint(aggregate);
        if (sig == null) {
            return false;
        }
        if (messages.isEmpty()) {
            return sig.is_inf();
        }
        Set<ByteBuffer> distinct = new HashSet<>();
        for (byte[] message : messages) {
            if (!distinct.add(ByteBuffer.wrap(message))) {
                return false;
            }
        }
        Pairing pairing = new Pairing(true, DST);
        for (int i = 0; i < messages.size(); i++) {
            P1_Affine key = publicKeyPoint(publicKeys.get(i));
            // The signature goes in once, with the first pair; blst adds its pairing then.
            if (key == null || pairing.aggregate(key, i == 0 ? sig : null, messages.get(i)) != BLST_ERROR.BLST_SUCCESS) {
                return false;
            }
        }
        pairing.commit();
        return pairing.finalverify();
    }

    private static P1_Affine publicKeyPoint(byte[] bytes) {
        if (bytes == null || bytes.length != PUBLIC_KEY_LENGTH) {
            return null;
        }
        try {
            P1_Affine point = new P1_Affine(bytes);
            return !point.is_inf() && point.in_group() ? point : null;
        } catch (RuntimeException e) {
            return null; // blst reports a bad encoding or a point off the curve this way
        }
    }

    private static P2_Affine signaturePoint(byte[] bytes) {
        if (bytes == null || bytes.length != SIGNATURE_LENGTH) {
            return null;
        }
        try {
            P2_Affine point = new P2_Affine(bytes);
            return point.in_group() ? point : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SecretKey secretKey(byte[] privateKey) {
        if (!isValidPrivateKey(privateKey)) {
            throw new CryptoFormatException("a BLS private key is " + PRIVATE_KEY_LENGTH
                    + " little-endian bytes with a value in [1, r-1]" + (privateKey == null
                            || privateKey.length == PRIVATE_KEY_LENGTH ? "" : ", got " + privateKey.length + " bytes"));
        }
        SecretKey secret = new SecretKey();
        secret.from_lendian(privateKey);
        return secret;
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static byte[] infinitySignature() {
        byte[] out = new byte[SIGNATURE_LENGTH];
        out[0] = (byte) 0xc0; // compressed flag and infinity flag
        return out;
    }
}

package dev.granary.crypto;

import dev.granary.multiformats.Blake2b;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

import dev.granary.address.Address;

/**
 * secp256k1 signatures as Lotus makes them (go-crypto over libsecp256k1): the message is hashed
 * with blake2b-256, k is RFC 6979 deterministic (HMAC-SHA256), s is normalised to the lower half,
 * and the result is 65 bytes R || S || V with V the recovery id. Keys are 32-byte big-endian
 * scalars; public keys are 65-byte uncompressed points.
 */
public final class Secp256k1 {

    public static final int PRIVATE_KEY_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 65;
    public static final int SIGNATURE_LENGTH = 65;

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECPoint G = CURVE.getG();
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();
    private static final FixedPointCombMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private Secp256k1() {
    }

    public static byte[] generatePrivateKey(SecureRandom random) {
        byte[] key = new byte[PRIVATE_KEY_LENGTH];
        do {
            random.nextBytes(key);
        } while (!isValidPrivateKey(key));
        return key;
    }

    /** 32 bytes whose big-endian value is in [1, n-1]. */
    public static boolean isValidPrivateKey(byte[] privateKey) {
        if (privateKey == null || privateKey.length != PRIVATE_KEY_LENGTH) {
            return false;
        }
        BigInteger d = new BigInteger(1, privateKey);
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    public static byte[] publicKey(byte[] privateKey) {
        return BASE_MULTIPLIER.multiply(G, scalar(privateKey)).normalize().getEncoded(false);
    }

    public static Address address(byte[] publicKey) {
        return Address.secp256k1(publicKey);
    }

    /** Signs blake2b-256 of {@code message}, as Lotus signs a message's CID bytes. */
    public static byte[] sign(byte[] privateKey, byte[] message) {
        return signDigest(privateKey, Blake2b.sum256(message));
    }

    /** Signs a 32-byte digest: R || S || V, low S, deterministic. */
    public static byte[] signDigest(byte[] privateKey, byte[] digest) {
        requireDigest(digest);
        BigInteger d = scalar(privateKey);
        BigInteger e = new BigInteger(1, digest);
        // BouncyCastle follows RFC 6979 and reduces the digest mod n before the HMAC. Implementations
        // have only ever differed there (old libsecp256k1 fed it unreduced), which matters for
        // digests >= n: a 256-bit hash lands there with probability about 2^-128.
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, digest);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint point = BASE_MULTIPLIER.multiply(G, k).normalize();
            BigInteger x = point.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) {
                continue;
            }
            int recoveryId = (point.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) {
                // -s signs with the point -R, whose y has the other parity.
                s = N.subtract(s);
                recoveryId ^= 1;
            }
            byte[] out = new byte[SIGNATURE_LENGTH];
            BigIntegers.asUnsignedByteArray(r, out, 0, 32);
            BigIntegers.asUnsignedByteArray(s, out, 32, 32);
            out[64] = (byte) recoveryId;
            return out;
        }
    }

    /**
     * Whether {@code signature} signs {@code message} for {@code publicKey}. Like Lotus, this
     * recovers the key and compares, so a high-S signature with the matching recovery id verifies.
     */
    public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
        try {
            return Arrays.equals(recoverPublicKey(signature, message), publicKey);
        } catch (CryptoFormatException e) {
            return false;
        }
    }

    /** The public key that produced {@code signature} over blake2b-256 of {@code message}. */
    public static byte[] recoverPublicKey(byte[] signature, byte[] message) {
        return recoverFromDigest(signature, Blake2b.sum256(message));
    }

    /** SEC 1 v2 section 4.1.6 public-key recovery, using V to pick the candidate point. */
    public static byte[] recoverFromDigest(byte[] signature, byte[] digest) {
        requireDigest(digest);
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            throw new CryptoFormatException("a secp256k1 signature is " + SIGNATURE_LENGTH + " bytes (R || S || V), got "
                    + (signature == null ? "none" : signature.length + " bytes"));
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        int recoveryId = signature[64] & 0xff;
        if (recoveryId > 3) {
            throw new CryptoFormatException("secp256k1 recovery id (V) must be 0 to 3, got " + recoveryId);
        }
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
            throw new CryptoFormatException("secp256k1 signature R and S must be in [1, n-1]");
        }
        BigInteger x = recoveryId >= 2 ? r.add(N) : r;
        if (x.compareTo(P) >= 0) {
            throw new CryptoFormatException("secp256k1 recovery id " + recoveryId + " names no point for this R");
        }
        ECPoint point = decompress(x, (recoveryId & 1) == 1);
        BigInteger rInverse = BigIntegers.modOddInverseVar(N, r);
        BigInteger e = new BigInteger(1, digest);
        BigInteger u1 = N.subtract(e.mod(N)).multiply(rInverse).mod(N);
        BigInteger u2 = s.multiply(rInverse).mod(N);
        ECPoint key = ECAlgorithms.sumOfTwoMultiplies(G, u1, point, u2).normalize();
        if (key.isInfinity()) {
            throw new CryptoFormatException("secp256k1 signature recovers the point at infinity");
        }
        return key.getEncoded(false);
    }

    private static ECPoint decompress(BigInteger x, boolean oddY) {
        byte[] encoded = new byte[33];
        encoded[0] = (byte) (oddY ? 0x03 : 0x02);
        BigIntegers.asUnsignedByteArray(x, encoded, 1, 32);
        try {
            return CURVE.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException e) {
            throw new CryptoFormatException("secp256k1 signature R is not the x of a curve point", e);
        }
    }

    private static BigInteger scalar(byte[] privateKey) {
        if (!isValidPrivateKey(privateKey)) {
            throw new CryptoFormatException("a secp256k1 private key is " + PRIVATE_KEY_LENGTH
                    + " bytes with a value in [1, n-1]" + (privateKey == null || privateKey.length == PRIVATE_KEY_LENGTH
                            ? "" : ", got " + privateKey.length + " bytes"));
        }
        return new BigInteger(1, privateKey);
    }

    private static void requireDigest(byte[] digest) {
        if (digest == null || digest.length != 32) {
            throw new IllegalArgumentException("a secp256k1 digest is 32 bytes");
        }
    }
}

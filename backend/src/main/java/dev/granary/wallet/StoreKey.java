package dev.granary.wallet;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The wallet store's encryption key: 256 bits derived from the passphrase with Argon2id, used with
 * AES-256-GCM. It lives only in memory; {@link #destroy()} zeroes it (the JCE provider makes short-lived
 * copies per operation that the garbage collector reclaims; Java offers no way to zero those).
 */
final class StoreKey {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An encrypted value and the nonce it was encrypted under. */
    record Sealed(byte[] nonce, byte[] ciphertext) {}

    /** The passphrase given does not open what was sealed (a wrong passphrase, or a row that was tampered with). */
    static final class WrongKeyException extends Exception {
        WrongKeyException() {
            super("authentication failed", null, false, false);
        }
    }

    private byte[] key;

    private StoreKey(byte[] key) {
        this.key = key;
    }

    /** Derives the key; the passphrase's UTF-8 bytes are zeroed once used. */
    static StoreKey derive(String passphrase, KdfParams params) {
        byte[] secret = utf8(passphrase);
        try {
            Argon2Parameters argon = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(params.salt())
                .build();
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon);
            byte[] out = new byte[KEY_BYTES];
            generator.generateBytes(secret, out);
            return new StoreKey(out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] utf8(String text) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    static byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }

    Sealed seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** The plaintext; the caller zeroes it when done. */
    byte[] open(Sealed sealed, byte[] associatedData) throws WrongKeyException {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce());
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new WrongKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    private synchronized Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("the wallet store key was destroyed (the store was locked)");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** Zeroes the key; any later use fails. */
    synchronized void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    @Override
    public String toString() {
        return "StoreKey[redacted]";
    }

    /**
     * How the key is derived. Stored in the store's header row, so new stores can use stronger
     * parameters while old ones keep opening with theirs.
     */
    record KdfParams(String kdf, int memoryKib, int iterations, int parallelism, byte[] salt) {

        static final String ARGON2ID = "argon2id";

        /** 64 MiB, 3 passes, 1 lane: about a quarter to a half second on a server core, once per unlock. */
        static KdfParams fresh() {
            return new KdfParams(ARGON2ID, 64 * 1024, 3, 1, randomBytes(16));
        }

        KdfParams {
            if (!ARGON2ID.equals(kdf)) {
                throw new IllegalStateException("the wallet store uses key derivation '" + kdf
                    + "', which this version of Granary does not know (only " + ARGON2ID + ")");
            }
            salt = salt.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }
    }
}

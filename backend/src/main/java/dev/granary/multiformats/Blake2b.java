package dev.granary.multiformats;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Unkeyed BLAKE2b at the output sizes Filecoin uses (32 bytes for message digests and CIDs). */
public final class Blake2b {

    private Blake2b() {
    }

    public static byte[] sum256(byte[] data) {
        return sum(data, 32);
    }

    /** BLAKE2b with an output of {@code length} bytes (1 to 64); not a truncation of a longer digest. */
    public static byte[] sum(byte[] data, int length) {
        Blake2bDigest digest = new Blake2bDigest(length * 8);
        digest.update(data, 0, data.length);
        byte[] out = new byte[length];
        digest.doFinal(out, 0);
        return out;
    }
}

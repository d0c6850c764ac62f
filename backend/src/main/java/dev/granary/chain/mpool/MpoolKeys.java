package dev.granary.chain.mpool;

import java.nio.ByteBuffer;
import java.util.Arrays;

import dev.granary.address.Address;
import dev.granary.address.Protocol;

/**
 * Keys of the {@code mpool} column family: the sender's ID-address bytes ({@code 00} ‖ uvarint id)
 * followed by the nonce as 8 bytes big-endian. The nonce has a fixed width, so the address is the key
 * minus its last 8 bytes, and one sender's messages are adjacent and in nonce order.
 */
final class MpoolKeys {

    static final int NONCE_BYTES = Long.BYTES;

    private MpoolKeys() {
    }

    static byte[] key(long senderId, long nonce) {
        byte[] sender = Address.ofId(senderId).bytes();
        return ByteBuffer.allocate(sender.length + NONCE_BYTES).put(sender).putLong(nonce).array();
    }

    static long senderId(byte[] key) {
        requireLongEnough(key);
        Address sender = Address.fromBytes(Arrays.copyOf(key, key.length - NONCE_BYTES));
        if (sender.protocol() != Protocol.ID) {
            throw new IllegalArgumentException("mpool key names sender " + sender + ", not an ID address");
        }
        return sender.id();
    }

    static long nonce(byte[] key) {
        requireLongEnough(key);
        return ByteBuffer.wrap(key, key.length - NONCE_BYTES, NONCE_BYTES).getLong();
    }

    private static void requireLongEnough(byte[] key) {
        if (key.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("mpool key of " + key.length + " bytes is too short for a sender and a nonce");
        }
    }
}

package dev.granary.chain.actors;

import java.nio.charset.StandardCharsets;

import dev.granary.address.Address;

/**
 * The key layout of the state trie. Every kind of key starts with a different first byte, so the kinds
 * cannot collide:
 * <ul>
 * <li>actor entry: the actor's ID-address bytes (protocol byte 0x00, then the uvarint ID);</li>
 * <li>actor state object: {@code "head/"} then the ID-address bytes;</li>
 * <li>init actor address map: {@code "init/addr/"} then the f1/f2/f3/f4 address bytes.</li>
 * </ul>
 */
public final class StateKeys {

    private static final byte[] HEAD_PREFIX = "head/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INIT_ADDRESS_PREFIX = "init/addr/".getBytes(StandardCharsets.US_ASCII);

    /** First byte of every actor entry key: an ID address' protocol byte. */
    public static final byte ACTOR_KEY_FIRST_BYTE = 0x00;

    private StateKeys() {
    }

    public static byte[] actor(long id) {
        return Address.ofId(id).bytes();
    }

    public static byte[] head(long id) {
        return concat(HEAD_PREFIX, Address.ofId(id).bytes());
    }

    public static byte[] initAddress(Address address) {
        return concat(INIT_ADDRESS_PREFIX, address.bytes());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

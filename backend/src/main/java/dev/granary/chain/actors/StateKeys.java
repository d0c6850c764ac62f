package dev.granary.chain.actors;

import java.nio.charset.StandardCharsets;

import dev.granary.address.Address;

/**
 * The key layout of the state trie. Actor entries start with byte 0x00, every other kind with its own
 * ASCII prefix, none a prefix of another, so the kinds cannot collide:
 * <ul>
 * <li>actor entry: the actor's ID-address bytes (protocol byte 0x00, then the uvarint ID);</li>
 * <li>actor state object: {@code "head/"} then the ID-address bytes;</li>
 * <li>init actor address map: {@code "init/addr/"} then the f1/f2/f3/f4 address bytes;</li>
 * <li>power actor claims: {@code "power/claim/"} then the miner's ID-address bytes;</li>
 * <li>market escrow and locked tables: {@code "market/escrow/"} and {@code "market/locked/"} then the
 * party's ID-address bytes;</li>
 * <li>miner info: {@code "miner/info/"} then the miner's ID-address bytes.</li>
 * </ul>
 * These are the rows Filecoin keeps in HAMTs and linked blocks under the actors' heads; here they are
 * trie entries so that pruning and snapshots, which follow the trie, keep them.
 */
public final class StateKeys {

    private static final byte[] HEAD_PREFIX = "head/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INIT_ADDRESS_PREFIX = "init/addr/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POWER_CLAIM_PREFIX = "power/claim/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARKET_ESCROW_PREFIX = "market/escrow/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MARKET_LOCKED_PREFIX = "market/locked/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINER_INFO_PREFIX = "miner/info/".getBytes(StandardCharsets.US_ASCII);

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

    public static byte[] powerClaim(long minerId) {
        return concat(POWER_CLAIM_PREFIX, Address.ofId(minerId).bytes());
    }

    /** The miner ID address of a power-claim key; null for a key of any other kind. */
    public static Address powerClaimMiner(byte[] key) {
        if (!startsWith(key, POWER_CLAIM_PREFIX)) {
            return null;
        }
        return Address.fromBytes(java.util.Arrays.copyOfRange(key, POWER_CLAIM_PREFIX.length, key.length));
    }

    /** Whether {@code key} sorts after every power-claim key (iteration in key order can stop there). */
    public static boolean afterPowerClaims(byte[] key) {
        return java.util.Arrays.compareUnsigned(key, POWER_CLAIM_PREFIX) > 0 && !startsWith(key, POWER_CLAIM_PREFIX);
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length
            && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    public static byte[] marketEscrow(long partyId) {
        return concat(MARKET_ESCROW_PREFIX, Address.ofId(partyId).bytes());
    }

    public static byte[] marketLocked(long partyId) {
        return concat(MARKET_LOCKED_PREFIX, Address.ofId(partyId).bytes());
    }

    public static byte[] minerInfo(long minerId) {
        return concat(MINER_INFO_PREFIX, Address.ofId(minerId).bytes());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

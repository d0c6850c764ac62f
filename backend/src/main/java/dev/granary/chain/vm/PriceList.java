package dev.granary.chain.vm;

/**
 * The devnet's gas charges: Lotus' pricelistV0 values from the Calico upgrade (chain/vm/gas.go and
 * gas_v0.go), the last schedule before Filecoin moved to Wasm gas. Consensus values: changing one
 * forks the chain.
 */
public final class PriceList {

    /** Compute charged once per message. */
    public static final long ON_CHAIN_MESSAGE_COMPUTE_BASE = 38_863;
    /** Storage units per message, before {@link #STORAGE_GAS_MULTI}. */
    public static final long ON_CHAIN_MESSAGE_STORAGE_BASE = 36;
    /** Storage units per byte of the message as included in a block. */
    public static final long ON_CHAIN_MESSAGE_STORAGE_PER_BYTE = 1;
    /** Storage units per byte of a message's return value, kept in its receipt. */
    public static final long ON_CHAIN_RETURN_VALUE_PER_BYTE = 1;
    /** Gas per storage unit (Calico raised it from 1000). */
    public static final long STORAGE_GAS_MULTI = 1_300;

    /** Every invocation, method 0 included. */
    public static final long SEND_BASE = 29_233;
    /** An invocation carrying a non-zero value. */
    public static final long SEND_TRANSFER_FUNDS = 27_500;
    /** A non-zero value sent with method 0: plain transfers are priced up so they are not the cheap way to do work. */
    public static final long SEND_TRANSFER_ONLY_PREMIUM = 159_672;
    /** A discount for invoking a method (≠ 0): the actor's own work is charged separately. */
    public static final long SEND_INVOKE_METHOD = -5_377;

    /** Reading one state object. */
    public static final long IPLD_GET_BASE = 114_617;
    /** Writing one state object, plus its size in storage units. */
    public static final long IPLD_PUT_BASE = 353_640;
    public static final long IPLD_PUT_PER_BYTE = 1;

    /** Creating an actor (an account for a new f1/f3 recipient, or an actor made by the init actor). */
    public static final long CREATE_ACTOR_COMPUTE = 1_108_454;
    /** Storage units of a new actor entry. */
    public static final long CREATE_ACTOR_STORAGE = 36 + 40;

    /** One BLAKE2b-256 hash syscall (Lotus charges it flat, whatever the length). */
    public static final long HASHING_BASE = 31_355;

    private PriceList() {
    }

    /** Lotus' OnChainMessage: compute base plus (storage base + size) × storage multiplier. */
    public static long onChainMessage(int chainLength) {
        return ON_CHAIN_MESSAGE_COMPUTE_BASE
                + (ON_CHAIN_MESSAGE_STORAGE_BASE + ON_CHAIN_MESSAGE_STORAGE_PER_BYTE * chainLength) * STORAGE_GAS_MULTI;
    }

    /** Lotus' OnChainReturnValue: storage for the return value the receipt keeps. */
    public static long onChainReturnValue(int length) {
        return length * ON_CHAIN_RETURN_VALUE_PER_BYTE * STORAGE_GAS_MULTI;
    }

    /** Lotus' OnMethodInvocation, charged on every send, messages and actor-to-actor sends alike. */
    public static long onMethodInvocation(boolean nonZeroValue, long method) {
        long gas = SEND_BASE;
        if (nonZeroValue) {
            gas += SEND_TRANSFER_FUNDS;
            if (method == 0) {
                gas += SEND_TRANSFER_ONLY_PREMIUM;
            }
        }
        if (method != 0) {
            gas += SEND_INVOKE_METHOD;
        }
        return gas;
    }

    /** Lotus' OnIpldGet: a flat charge per object read. */
    public static long onIpldGet() {
        return IPLD_GET_BASE;
    }

    /** Lotus' OnIpldPut: a base plus the object's size in storage units. */
    public static long onIpldPut(int length) {
        return IPLD_PUT_BASE + length * IPLD_PUT_PER_BYTE * STORAGE_GAS_MULTI;
    }

    /** Lotus' OnCreateActor. */
    public static long onCreateActor() {
        return CREATE_ACTOR_COMPUTE + CREATE_ACTOR_STORAGE * STORAGE_GAS_MULTI;
    }

    /** Lotus' OnHashing. */
    public static long onHashing() {
        return HASHING_BASE;
    }
}

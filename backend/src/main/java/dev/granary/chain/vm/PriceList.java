package dev.granary.chain.vm;

/**
 * The devnet's gas charges: Lotus' pricelistV0 values from the Calico upgrade (chain/vm/gas.go), the
 * last schedule before Filecoin moved to Wasm gas. Consensus values: changing one forks the chain.
 */
public final class PriceList {

    /** Compute charged once per message. */
    public static final long ON_CHAIN_MESSAGE_COMPUTE_BASE = 38_863;
    /** Storage units per message, before {@link #STORAGE_GAS_MULTI}. */
    public static final long ON_CHAIN_MESSAGE_STORAGE_BASE = 36;
    /** Storage units per byte of the message as included in a block. */
    public static final long ON_CHAIN_MESSAGE_STORAGE_PER_BYTE = 1;
    /** Gas per storage unit (Calico raised it from 1000). */
    public static final long STORAGE_GAS_MULTI = 1_300;

    /** Every invocation, method 0 included. */
    public static final long SEND_BASE = 29_233;
    /** An invocation carrying a non-zero value. */
    public static final long SEND_TRANSFER_FUNDS = 27_500;
    /** A non-zero value sent with method 0: plain transfers are priced up so they are not the cheap way to do work. */
    public static final long SEND_TRANSFER_ONLY_PREMIUM = 159_672;

    /** Creating an actor (an account for a new f1/f3 recipient). */
    public static final long CREATE_ACTOR_COMPUTE = 1_108_454;
    /** Storage units of a new actor entry. */
    public static final long CREATE_ACTOR_STORAGE = 36 + 40;

    private PriceList() {
    }

    /** Lotus' OnChainMessage: compute base plus (storage base + size) × storage multiplier. */
    public static long onChainMessage(int chainLength) {
        return ON_CHAIN_MESSAGE_COMPUTE_BASE
                + (ON_CHAIN_MESSAGE_STORAGE_BASE + ON_CHAIN_MESSAGE_STORAGE_PER_BYTE * chainLength) * STORAGE_GAS_MULTI;
    }

    /** Lotus' OnMethodInvocation, for the method 0 transfers v0 supports. */
    public static long onSend(boolean nonZeroValue) {
        long gas = SEND_BASE;
        if (nonZeroValue) {
            gas += SEND_TRANSFER_FUNDS + SEND_TRANSFER_ONLY_PREMIUM;
        }
        return gas;
    }

    /** Lotus' OnCreateActor. */
    public static long onCreateActor() {
        return CREATE_ACTOR_COMPUTE + CREATE_ACTOR_STORAGE * STORAGE_GAS_MULTI;
    }
}

package dev.granary.wallet;

/**
 * The wallet store's lock. NEW: no passphrase chosen yet (the first unlock sets it). LOCKED: keys
 * cannot be used until someone gives the passphrase; balances and addresses still show. UNLOCKED:
 * the derived key is in memory and the node can sign.
 */
public enum LockState {
    NEW, LOCKED, UNLOCKED
}

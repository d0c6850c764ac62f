package dev.granary.wallet;

/** Signing or exporting was asked of a locked wallet store (REST: 423, type wallet-locked). */
public final class WalletLockedException extends RuntimeException {
    public WalletLockedException(String message) {
        super(message);
    }
}

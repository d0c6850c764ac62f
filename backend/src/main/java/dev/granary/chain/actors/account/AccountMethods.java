package dev.granary.chain.actors.account;

/** The account actor's method numbers (builtin-actors account). */
public final class AccountMethods {

    public static final long CONSTRUCTOR = 1;
    /** Returns the account's public-key address. No parameters. */
    public static final long PUBKEY_ADDRESS = 2;
    /** FRC-0042 exported methods start here; an account accepts any of them and does nothing (universal receiver hook). */
    public static final long FIRST_EXPORTED_METHOD = 1L << 24;

    private AccountMethods() {
    }
}

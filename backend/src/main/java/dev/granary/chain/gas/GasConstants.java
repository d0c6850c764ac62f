package dev.granary.chain.gas;

import dev.granary.fil.TokenAmount;

/**
 * Filecoin's fee-market constants, as Lotus defines them in build/buildconstants/params_shared_vals.go
 * and chain/vm/burn.go. They are consensus values: changing one forks the chain.
 */
public final class GasConstants {

    /** Most gas the messages of one block may declare in total. */
    public static final long BLOCK_GAS_LIMIT = 10_000_000_000L;

    /** Gas per block at which the base fee stays put: half the limit. */
    public static final long BLOCK_GAS_TARGET = BLOCK_GAS_LIMIT / 2;

    /** The base fee moves by at most 1/8 (12.5%) per epoch. */
    public static final long BASE_FEE_MAX_CHANGE_DENOM = 8;

    /** The base fee never falls below 100 attoFIL. */
    public static final TokenAmount MINIMUM_BASE_FEE = TokenAmount.ofAtto(100);

    /** A message whose limit exceeds 11/10 of the gas it used pays a burn on the excess. */
    public static final long GAS_OVERUSE_NUM = 11;
    public static final long GAS_OVERUSE_DENOM = 10;

    private GasConstants() {
    }
}

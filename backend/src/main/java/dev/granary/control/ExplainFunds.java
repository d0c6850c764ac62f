package dev.granary.control;

import dev.granary.fil.TokenAmount;

/**
 * The goodFunds/minFunds that {@code explain} passes for each message type, after the Lotus callers
 * of AddressFor, counting fees only (PreCommit and Commit callers add the sectors' deposits, which
 * depend on the batch):
 * <ul>
 *   <li>PoSt, PreCommit, Commit: good = messages.max-fee (the most one message may pay, so an address
 *       with it can always send); min = what {@value #TYPICAL_GAS} gas costs at twice the head's base fee
 *       (a fee cap the pool accepts), never above good.</li>
 *   <li>Terminate: good = min = messages.max-fee (Lotus passes MaxTerminateGasFee for both).</li>
 *   <li>DealPublish: zero and zero (Lotus' deal publisher passes zero: the first address whose key is
 *       here is taken).</li>
 * </ul>
 */
record ExplainFunds(TokenAmount good, TokenAmount min) {

    /** Gas of a typical control or proving message on the devnet, for the minimum. */
    static final long TYPICAL_GAS = 10_000_000;

    static ExplainFunds forUse(AddressUse use, TokenAmount maxFee, TokenAmount baseFee) {
        return switch (use) {
            case DEAL_PUBLISH -> new ExplainFunds(TokenAmount.ZERO, TokenAmount.ZERO);
            case TERMINATE -> new ExplainFunds(maxFee, maxFee);
            default -> {
                TokenAmount min = baseFee.multiply(2).multiply(TYPICAL_GAS);
                yield new ExplainFunds(maxFee, min.compareTo(maxFee) > 0 ? maxFee : min);
            }
        };
    }
}

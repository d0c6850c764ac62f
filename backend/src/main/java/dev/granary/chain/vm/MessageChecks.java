package dev.granary.chain.vm;

import dev.granary.chain.gas.GasConstants;
import dev.granary.crypto.SignatureType;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/** Checks a message passes on its own, before any state is read (Lotus' ValidForBlockInclusion). */
public final class MessageChecks {

    /** Filecoin's total supply, 2 billion FIL: no message may move more. */
    static final TokenAmount TOTAL_FILECOIN = TokenAmount.ofFil(2_000_000_000L);

    private MessageChecks() {
    }

    /** Why the message is malformed, or null when it is well-formed. */
    public static String malformed(Message m) {
        if (m.version() != 0) {
            return "message version " + Long.toUnsignedString(m.version()) + " is not supported; only version 0 exists";
        }
        if (m.value().isNegative()) {
            return "value " + m.value() + " is negative";
        }
        if (m.value().compareTo(TOTAL_FILECOIN) > 0) {
            return "value " + m.value() + " exceeds the total supply of 2e9 FIL";
        }
        if (m.gasFeeCap().isNegative() || m.gasPremium().isNegative()) {
            return "fee cap " + m.gasFeeCap() + " and premium " + m.gasPremium() + " must be non-negative";
        }
        if (m.gasPremium().compareTo(m.gasFeeCap()) > 0) {
            return "premium " + m.gasPremium() + " is above the fee cap " + m.gasFeeCap() + "; raise the fee cap";
        }
        if (m.gasLimit() > GasConstants.BLOCK_GAS_LIMIT) {
            return "gas limit " + m.gasLimit() + " exceeds the block gas limit " + GasConstants.BLOCK_GAS_LIMIT;
        }
        return null;
    }

    /**
     * The size the message occupies in a block, which its storage gas is charged on (Lotus'
     * ChainLength): the unsigned message for BLS (blocks carry one aggregate signature), the whole signed
     * message otherwise.
     */
    public static int chainLength(SignedMessage sm) {
        return sm.signature().type() == SignatureType.BLS ? sm.message().toCbor().length : sm.toCbor().length;
    }
}

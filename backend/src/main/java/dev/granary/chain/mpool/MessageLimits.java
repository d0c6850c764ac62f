package dev.granary.chain.mpool;

import dev.granary.chain.gas.GasConstants;
import dev.granary.chain.vm.MessageChecks;
import dev.granary.chain.vm.PriceList;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/**
 * The checks on a message alone, cheapest first, before any state or signature work (Lotus'
 * checkMessage and verifyMsgBeforeAdd).
 */
final class MessageLimits {

    /** Lotus' MaxMessageSize: larger signed messages are refused to bound what the pool holds. */
    static final int MAX_MESSAGE_SIZE = 64 << 10;

    private MessageLimits() {
    }

    static void check(SignedMessage signed, TokenAmount baseFee) {
        int size = signed.toCbor().length;
        if (size > MAX_MESSAGE_SIZE) {
            throw new MessageRejectedException(RejectReason.TOO_LARGE, "signed message is " + size + " bytes, above the " + MAX_MESSAGE_SIZE
                    + "-byte (64 KiB) limit; send smaller params");
        }
        Message m = signed.message();
        if (m.gasLimit() > GasConstants.BLOCK_GAS_LIMIT) {
            throw new MessageRejectedException(RejectReason.GAS_LIMIT_TOO_HIGH, "gas limit " + m.gasLimit() + " exceeds the block gas limit "
                    + GasConstants.BLOCK_GAS_LIMIT + ", so no block can include it; lower the gas limit");
        }
        String malformed = MessageChecks.malformed(m);
        if (malformed != null) {
            throw new MessageRejectedException(RejectReason.MALFORMED, "message is malformed: " + malformed);
        }
        long onChainGas = PriceList.onChainMessage(MessageChecks.chainLength(signed));
        if (m.gasLimit() < onChainGas) {
            throw new MessageRejectedException(RejectReason.GAS_LIMIT_TOO_LOW, "gas limit " + m.gasLimit() + " is below the " + onChainGas
                    + " gas charged for including this message on chain; raise the gas limit to at least " + onChainGas);
        }
        checkFeeCap(m, baseFee);
    }

    private static void checkFeeCap(Message m, TokenAmount baseFee) {
        if (m.gasFeeCap().compareTo(GasConstants.MINIMUM_BASE_FEE) < 0) {
            throw new MessageRejectedException(RejectReason.FEE_CAP_TOO_LOW, "fee cap " + m.gasFeeCap().attoFil() + " attoFIL is below the minimum"
                    + " base fee of " + GasConstants.MINIMUM_BASE_FEE.attoFil() + " attoFIL; raise the fee cap");
        }
        if (m.gasFeeCap().compareTo(baseFee) < 0) {
            throw new MessageRejectedException(RejectReason.FEE_CAP_TOO_LOW, "fee cap " + m.gasFeeCap().attoFil() + " attoFIL is below the current"
                    + " base fee of " + baseFee.attoFil() + " attoFIL, so the message cannot be included now; raise the fee"
                    + " cap above the base fee (it can rise by 12.5% per epoch)");
        }
    }
}

package dev.granary.chain.vm;

import java.util.Objects;

import dev.granary.chain.gas.GasOutputs;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;

/** What became of one message: executed on chain (with a receipt, success or failure) or invalid. */
public sealed interface ApplyResult {

    /** The CID the block lists the message under (the signed message's, or the unsigned one's for BLS). */
    Cid messageCid();

    /**
     * The message ran: the sender's nonce advanced and gas was paid, whatever {@link #exitCode()} says.
     *
     * @param gas   where the fee went: burns to f099, the tip to the reward actor (paid on to the block's
     *              miner by AwardBlockReward, less {@code minerPenalty})
     * @param error why it failed, naming the actor method and the refusal; null on success
     */
    record Applied(Cid messageCid, ExitCode exitCode, MessageReceipt receipt, GasOutputs gas, String error)
            implements ApplyResult {
        public Applied {
            Objects.requireNonNull(messageCid, "messageCid");
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(gas, "gas");
        }
    }

    /** The message cannot go on chain (or already did, earlier in the tipset); the state is as if it had not been there. */
    record Invalid(Cid messageCid, InvalidReason reason, String detail) implements ApplyResult {
        public Invalid {
            Objects.requireNonNull(messageCid, "messageCid");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

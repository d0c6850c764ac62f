package dev.granary.chain.vm;

import java.util.Objects;

import dev.granary.chain.gas.GasOutputs;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;

/** What became of one message: executed on chain (with a receipt, success or failure) or invalid. */
public sealed interface ApplyResult {

    Cid messageCid();

    /**
     * The message ran: the sender's nonce advanced and gas was paid, whatever {@link #exitCode()} says.
     *
     * @param gas where the fee went; {@code minerPenalty} is not moved by v0 (Lotus takes it from the
     *            block reward, which arrives with the reward actor)
     */
    record Applied(Cid messageCid, ExitCode exitCode, MessageReceipt receipt, GasOutputs gas) implements ApplyResult {
        public Applied {
            Objects.requireNonNull(messageCid, "messageCid");
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(gas, "gas");
        }
    }

    /** The message cannot go on chain; the state is as if it had not been there. */
    record Invalid(Cid messageCid, InvalidReason reason, String detail) implements ApplyResult {
        public Invalid {
            Objects.requireNonNull(messageCid, "messageCid");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}

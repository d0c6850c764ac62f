package dev.granary.control;

import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.messages.OutgoingMessage;
import java.util.Optional;

/**
 * A CreateMiner message the node sent and, once it has executed successfully, the miner it created
 * (decoded from the receipt's return value).
 *
 * @param created false when an earlier request with the same idempotency key sent it
 */
public record NewMiner(OutgoingMessage message, boolean created, Optional<CreateMinerReturn> miner) {

    /** The miner of an executed CreateMiner message; empty while it is on its way, or when it failed. */
    public static NewMiner of(OutgoingMessage message, boolean created) {
        boolean succeeded = message.exitCode().isPresent() && message.exitCode().getAsLong() == 0;
        Optional<CreateMinerReturn> miner = Optional.empty();
        if (succeeded && message.returnValue() != null && message.returnValue().length > 0) {
            miner = Optional.of(CreateMinerReturn.CODEC.decode(message.returnValue()));
        }
        return new NewMiner(message, created, miner);
    }
}

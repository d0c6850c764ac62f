package dev.granary.chain.vm;

import java.util.List;
import java.util.Objects;

import dev.granary.address.Address;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/**
 * One block of a tipset as the VM runs it: its miner (who gets the block reward and the tips), its
 * election win count and its messages in block order (Lotus: BLS messages, then secp256k1 ones).
 * A stored block keeps its BLS messages unsigned, their signatures folded into the header's
 * BLSAggregate: {@code blsMessages} are those, run first without a per-message signature check (the
 * caller has verified the aggregate), each charged for its unsigned length as Lotus charges them.
 *
 * @param miner    the block's miner: a miner actor, or an account (the devnet's genesis producer); an
 *                 f1/f3 address without an actor gets an account when it is paid
 * @param winCount how many times the block won its election; 0 pays the tips but no block reward
 */
public record BlockExecution(Address miner, long winCount, List<Message> blsMessages, List<SignedMessage> messages) {

    /**
     * A block whose messages all carry their signatures (a producer's candidate block), checked one by one.
     */
    public BlockExecution(Address miner, long winCount, List<SignedMessage> messages) {
        this(miner, winCount, List.of(), messages);
    }

    public BlockExecution {
        Objects.requireNonNull(miner, "miner");
        if (winCount < 0) {
            throw new IllegalArgumentException("block by " + miner + " has a negative win count " + winCount);
        }
        blsMessages = List.copyOf(blsMessages);
        messages = List.copyOf(messages);
    }
}

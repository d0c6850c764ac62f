package dev.granary.messages;

import dev.granary.address.Address;
import java.util.Optional;

/** Filters for listing outgoing messages, newest first; {@code before} is the cursor (an id). */
public record MessageQuery(Optional<Address> from, Optional<MessageState> state, Optional<Long> before, int limit) {

    public static MessageQuery recent(int limit) {
        return new MessageQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }
}

package dev.granary.chain.store;

import dev.granary.crypto.Signature;
import dev.granary.multiformats.Cid;
import java.util.Objects;

/**
 * What storing a block's messages gives its header: {@code messages} is the MsgMeta CID (the
 * header's Messages field), {@code blsAggregate} the aggregate of the BLS messages' signatures (its
 * BLSAggregate field).
 */
public record StoredMessages(Cid messages, Signature blsAggregate) {

    public StoredMessages {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(blsAggregate, "blsAggregate");
    }
}

package dev.granary.chain.types;

import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A block's messages as its MsgMeta lists them: BLS messages unsigned (their signatures live on only
 * as the header's BLSAggregate), secp256k1 messages with their signatures.
 */
public record BlockMessages(List<Message> bls, List<SignedMessage> secpk) {

    public static final BlockMessages EMPTY = new BlockMessages(List.of(), List.of());

    public BlockMessages {
        bls = List.copyOf(bls);
        secpk = List.copyOf(secpk);
    }

    /** Every message unsigned, BLS ones first: the order Lotus applies a block's messages in. */
    public List<Message> unsigned() {
        List<Message> all = new ArrayList<>(bls.size() + secpk.size());
        all.addAll(bls);
        secpk.forEach(signed -> all.add(signed.message()));
        return all;
    }
}

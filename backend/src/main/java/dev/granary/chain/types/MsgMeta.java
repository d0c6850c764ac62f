package dev.granary.chain.types;

import dev.granary.cbor.CborCodec;
import dev.granary.multiformats.Cid;
import java.util.Objects;

/**
 * The object a block's Messages CID points at (Lotus types.MsgMeta): the tuple
 * [BlsMessages CID, SecpkMessages CID], each the root of an AMT of message CIDs. BLS messages are
 * listed unsigned (their signatures are aggregated into the header's BLSAggregate).
 */
public record MsgMeta(Cid blsMessages, Cid secpkMessages) {

    public static final CborCodec<MsgMeta> CODEC = CborCodec.tuple("MsgMeta", 2,
        (m, w) -> w.writeCid(m.blsMessages).writeCid(m.secpkMessages),
        r -> new MsgMeta(r.readCid(), r.readCid()));

    public MsgMeta {
        Objects.requireNonNull(blsMessages, "blsMessages");
        Objects.requireNonNull(secpkMessages, "secpkMessages");
    }

    public Cid cid() {
        return CODEC.cid(this);
    }
}

package dev.granary.chain.actors.miner;

import dev.granary.cbor.CborCodec;

/** ChangePeerID's parameters: the tuple [NewID], the libp2p peer ID bytes. */
public record ChangePeerIdParams(byte[] newId) {

    public static final CborCodec<ChangePeerIdParams> CODEC = CborCodec.tuple("ChangePeerIDParams", 1,
        (p, w) -> w.writeBytes(p.newId),
        r -> new ChangePeerIdParams(r.readBytes()));

    public ChangePeerIdParams {
        newId = newId == null ? new byte[0] : newId.clone();
    }

    @Override
    public byte[] newId() {
        return newId.clone();
    }
}

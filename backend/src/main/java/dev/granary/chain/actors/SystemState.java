package dev.granary.chain.actors;

import dev.granary.cbor.CborCodec;

/**
 * The system actor's state object. Filecoin's holds the CID of the builtin-actors manifest; the devnet
 * names actor code by {@link BuiltinActor} labels and has no manifest, so it is the empty tuple.
 */
public record SystemState() {

    public static final CborCodec<SystemState> CODEC = CborCodec.tuple("SystemState", 0, (s, w) -> { }, r -> new SystemState());
}

package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.cbor.CborCodec;

/**
 * The system actor's state object: the tuple [Policy]. Filecoin's holds the CID of the builtin-actors
 * manifest, which fixes the actors' code and so their policy constants; the devnet names code by
 * {@link BuiltinActor} labels and records the policy profile itself here instead, so every node
 * replaying the chain applies the values genesis chose.
 */
public record SystemState(ChainPolicy policy) {

    public static final CborCodec<SystemState> CODEC = CborCodec.tuple("SystemState", 1,
        (s, w) -> ChainPolicy.CODEC.encode(s.policy(), w),
        r -> new SystemState(ChainPolicy.CODEC.decode(r)));

    public SystemState {
        Objects.requireNonNull(policy, "policy");
    }
}

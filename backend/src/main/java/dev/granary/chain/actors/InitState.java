package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.cbor.CborCodec;

/**
 * The init actor's state object: the tuple [NextID, NetworkName]. Filecoin's has a third field, the
 * root of its address HAMT; Granary keeps that map in the state trie itself under
 * {@link StateKeys#initAddress} (see {@link InitActor} for why), so the state root already commits to it.
 */
public record InitState(long nextId, String networkName) {

    public static final CborCodec<InitState> CODEC = CborCodec.tuple("InitState", 2,
        (s, w) -> w.writeUnsigned(s.nextId()).writeText(s.networkName()),
        r -> new InitState(r.readUnsigned(), r.readText()));

    public InitState {
        Objects.requireNonNull(networkName, "networkName");
    }

    public InitState withNextId(long next) {
        return new InitState(next, networkName);
    }
}

package dev.granary.chain.actors;

import java.util.Objects;

import dev.granary.cbor.CborCodec;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;

/**
 * One actor's entry in the state tree, laid out as Lotus' types.Actor (ActorV4): the dag-cbor tuple
 * [Code, Head, CallSeqNum, Balance], the balance as Filecoin's big-integer bytes. The nv18 fifth field
 * (delegated address) is absent: the devnet has no f4 actors.
 *
 * @param code       which builtin actor this is ({@link BuiltinActor#code()})
 * @param head       CID of the actor's own state object
 * @param callSeqNum the nonce of the next message this actor may send (uint64 in a long's bits)
 * @param balance    attoFIL held, never negative
 */
public record ActorState(Cid code, Cid head, long callSeqNum, TokenAmount balance) {

    public static final CborCodec<ActorState> CODEC = CborCodec.tuple("Actor", 4,
        (a, w) -> w.writeCid(a.code()).writeCid(a.head()).writeUnsigned(a.callSeqNum()).writeBytes(a.balance().bytes()),
        r -> new ActorState(r.readCid(), r.readCid(), r.readUnsigned(), r.readBytesAs(TokenAmount::fromBytes)));

    public ActorState {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(balance, "balance");
        if (balance.isNegative()) {
            throw new IllegalArgumentException("an actor balance cannot be negative, got " + balance);
        }
    }

    /** The builtin actor kind, if the code CID is one of them. */
    public java.util.Optional<BuiltinActor> kind() {
        return BuiltinActor.byCode(code);
    }

    public boolean isAccount() {
        return code.equals(BuiltinActor.ACCOUNT.code());
    }

    public ActorState withBalance(TokenAmount newBalance) {
        return new ActorState(code, head, callSeqNum, newBalance);
    }

    public ActorState withHead(Cid newHead) {
        return new ActorState(code, newHead, callSeqNum, balance);
    }

    /** The state after one more message sent: the nonce advances (wrapping as a Go uint64 would). */
    public ActorState withNextCallSeqNum() {
        return new ActorState(code, head, callSeqNum + 1, balance);
    }
}

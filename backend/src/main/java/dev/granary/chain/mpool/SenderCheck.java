package dev.granary.chain.mpool;

import java.util.Optional;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.BuiltinActor;
import dev.granary.chain.actors.StateQueries;
import dev.granary.crypto.SignatureType;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/** Resolves a message's sender in the head state and checks it signed the message. */
final class SenderCheck {

    /** The sender as the state knows it. */
    record Sender(long id, Address keyAddress, ActorState actor) {
    }

    private SenderCheck() {
    }

    static Sender resolve(SignedMessage signed, StateQueries state) {
        Message m = signed.message();
        Optional<ActorState> actor = state.actor(m.from());
        if (actor.isEmpty()) {
            throw new MessageRejectedException(RejectReason.SENDER_UNKNOWN, "sender " + m.from() + " has no actor in the head state;"
                    + " send it funds first so that its account exists");
        }
        Address id = state.lookupId(m.from()).orElseThrow();
        if (!actor.get().isAccount()) {
            String kind = actor.get().kind().map(BuiltinActor::actorName).orElse(actor.get().code().toString());
            throw new MessageRejectedException(RejectReason.SENDER_NOT_ACCOUNT, "sender " + m.from() + " (" + id + ") is a " + kind
                    + " actor, not an account; only accounts sign messages, so send from an account address");
        }
        Address key = state.accountKey(m.from()).orElseThrow();
        verifySignature(signed, key);
        return new Sender(id.id(), key, actor.get());
    }

    /** Lotus' AuthenticateMessage: the signature must be the key address's over the message CID bytes. */
    private static void verifySignature(SignedMessage signed, Address key) {
        SignatureType type = signed.signature().type();
        SignatureType expected = key.protocol() == Protocol.BLS ? SignatureType.BLS : SignatureType.SECP256K1;
        if (type != expected) {
            throw new MessageRejectedException(RejectReason.BAD_SIGNATURE, "signature is of type " + type + " but sender key " + key
                    + " takes " + expected + " signatures; sign with the sender's own key");
        }
        if (!signed.signature().verify(key, signed.message().cid().bytes())) {
            throw new MessageRejectedException(RejectReason.BAD_SIGNATURE, "signature does not verify for sender key " + key
                    + " over message CID " + signed.message().cid() + "; sign the message CID bytes with that key");
        }
    }
}

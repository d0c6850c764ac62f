package dev.granary.message;

import dev.granary.cbor.CborCodec;
import dev.granary.crypto.Signature;
import dev.granary.crypto.SignatureType;
import dev.granary.multiformats.Cid;
import java.util.Objects;

/**
 * A message and its signature: the tuple [Message, Signature bytes]. A BLS-signed message is
 * identified by its unsigned CID (block producers aggregate BLS signatures, so the signature is not
 * part of the message's identity); a secp256k1-signed one by the CID of the whole tuple.
 */
public record SignedMessage(Message message, Signature signature) {

    public static final CborCodec<SignedMessage> CODEC = CborCodec.tuple("SignedMessage", 2,
        (m, w) -> {
            Message.CODEC.encode(m.message(), w);
            w.writeBytes(m.signature().bytes());
        },
        r -> new SignedMessage(Message.CODEC.decode(r), r.readBytesAs(Signature::fromBytes)));

    public SignedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
    }

    public Cid cid() {
        return signature.type() == SignatureType.BLS ? message.cid() : CODEC.cid(this);
    }

    /** Whether the signature is the sender's over the message CID. */
    public boolean verify() {
        return signature.verify(message.from(), message.cid().bytes());
    }

    public byte[] toCbor() {
        return CODEC.encode(this);
    }

    public static SignedMessage fromCbor(byte[] bytes) {
        return CODEC.decode(bytes);
    }
}

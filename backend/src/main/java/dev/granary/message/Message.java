package dev.granary.message;

import dev.granary.address.Address;
import dev.granary.cbor.CborCodec;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.multiformats.Cid;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Filecoin message, encoded as Lotus does: a dag-cbor tuple of ten fields in this order, addresses
 * and amounts as byte strings, nonce and method as unsigned 64-bit integers (held in a long's bits).
 */
public record Message(long version, Address to, Address from, long nonce, TokenAmount value, long gasLimit,
                      TokenAmount gasFeeCap, TokenAmount gasPremium, long method, byte[] params) {

    public static final CborCodec<Message> CODEC = CborCodec.tuple("Message", 10,
        (m, w) -> w.writeUnsigned(m.version())
            .writeBytes(m.to().bytes())
            .writeBytes(m.from().bytes())
            .writeUnsigned(m.nonce())
            .writeBytes(m.value().bytes())
            .writeInt(m.gasLimit())
            .writeBytes(m.gasFeeCap().bytes())
            .writeBytes(m.gasPremium().bytes())
            .writeUnsigned(m.method())
            .writeBytes(m.params()),
        // readBytesAs turns a bad address or amount into a CborException at that field's offset.
        r -> new Message(r.readUnsigned(), r.readBytesAs(Address::fromBytes), r.readBytesAs(Address::fromBytes),
            r.readUnsigned(), r.readBytesAs(TokenAmount::fromBytes), r.readInt(), r.readBytesAs(TokenAmount::fromBytes),
            r.readBytesAs(TokenAmount::fromBytes), r.readUnsigned(), r.readBytes()));

    public Message {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(gasFeeCap, "gasFeeCap");
        Objects.requireNonNull(gasPremium, "gasPremium");
        params = params == null ? new byte[0] : params.clone();
    }

    @Override
    public byte[] params() {
        return params.clone();
    }

    public byte[] toCbor() {
        return CODEC.encode(this);
    }

    public static Message fromCbor(byte[] bytes) {
        return CODEC.decode(bytes);
    }

    /** CIDv1, dag-cbor, blake2b-256 of the canonical encoding: what the signer signs. */
    public Cid cid() {
        return CODEC.cid(this);
    }

    /** Signs the message CID's bytes with the sender's key (blake2b-256 first for secp256k1, as Lotus). */
    public SignedMessage sign(PrivateKey key) {
        if (!key.address().equals(from)) {
            throw new IllegalArgumentException("signing message from " + from + " with the key of " + key.address());
        }
        return new SignedMessage(this, key.sign(cid().bytes()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Message m && version == m.version && nonce == m.nonce && gasLimit == m.gasLimit
            && method == m.method && to.equals(m.to) && from.equals(m.from) && value.equals(m.value)
            && gasFeeCap.equals(m.gasFeeCap) && gasPremium.equals(m.gasPremium) && Arrays.equals(params, m.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, to, from, nonce, value, gasLimit, gasFeeCap, gasPremium, method,
            Arrays.hashCode(params));
    }

    @Override
    public String toString() {
        return "Message[" + from + " -> " + to + " nonce " + Long.toUnsignedString(nonce) + " method "
            + Long.toUnsignedString(method) + " value " + value + " params " + params.length + " bytes]";
    }
}

package dev.granary.cbor;

import java.util.Arrays;

/**
 * Filecoin's unsigned message as a plain tuple of raw fields: enough to check the codec layer against
 * the vector bytes without the address and token types, which live in their own packages.
 */
record TestMessage(long version, byte[] to, byte[] from, long nonce, byte[] value, long gasLimit, byte[] gasFeeCap,
        byte[] gasPremium, long method, byte[] params) {

    static final CborCodec<TestMessage> CODEC = CborCodec.tuple("Message", 10,
            (m, w) -> w.writeUnsigned(m.version()).writeBytes(m.to()).writeBytes(m.from()).writeUnsigned(m.nonce())
                    .writeBytes(m.value()).writeInt(m.gasLimit()).writeBytes(m.gasFeeCap())
                    .writeBytes(m.gasPremium()).writeUnsigned(m.method()).writeBytes(m.params()),
            r -> new TestMessage(r.readUnsigned(), r.readBytes(), r.readBytes(), r.readUnsigned(), r.readBytes(),
                    r.readInt(), r.readBytes(), r.readBytes(), r.readUnsigned(), r.readBytes()));

    @Override
    public boolean equals(Object o) {
        return o instanceof TestMessage m && m.version == version && Arrays.equals(m.to, to)
                && Arrays.equals(m.from, from) && m.nonce == nonce && Arrays.equals(m.value, value)
                && m.gasLimit == gasLimit && Arrays.equals(m.gasFeeCap, gasFeeCap)
                && Arrays.equals(m.gasPremium, gasPremium) && m.method == method && Arrays.equals(m.params, params);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nonce) * 31 + Arrays.hashCode(to);
    }
}

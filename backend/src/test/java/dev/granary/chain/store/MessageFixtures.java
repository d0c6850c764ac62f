package dev.granary.chain.store;

import dev.granary.address.Address;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/** Real keys and signed transfers for the message, receipt and snapshot tests. */
final class MessageFixtures {

    static final PrivateKey SECP_ALICE = secp(1);
    static final PrivateKey SECP_BOB = secp(2);
    static final PrivateKey BLS_CAROL = bls(3);
    static final PrivateKey BLS_DAVE = bls(4);

    private MessageFixtures() {
    }

    static PrivateKey secp(int seed) {
        byte[] scalar = new byte[32];
        scalar[31] = (byte) seed;
        return PrivateKey.of(KeyType.SECP256K1, scalar);
    }

    /** BLS scalars are little-endian: the seed is the low byte. */
    static PrivateKey bls(int seed) {
        byte[] scalar = new byte[32];
        scalar[0] = (byte) seed;
        return PrivateKey.of(KeyType.BLS, scalar);
    }

    static SignedMessage transfer(PrivateKey from, Address to, long nonce, long atto) {
        Message message = new Message(0, to, from.address(), nonce, TokenAmount.ofAtto(atto), 1_000_000,
            TokenAmount.ofAtto(1_000), TokenAmount.ofAtto(100), 0, new byte[0]);
        return message.sign(from);
    }
}

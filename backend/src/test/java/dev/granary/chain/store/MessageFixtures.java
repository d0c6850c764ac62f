package dev.granary.chain.store;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;

/** Real keys and signed transfers for the message, receipt and snapshot tests. */
final class MessageFixtures {

    static final PrivateKey SECP_ALICE = ActorChain.secp(1);
    static final PrivateKey SECP_BOB = ActorChain.secp(2);
    static final PrivateKey BLS_CAROL = ActorChain.bls(3);
    static final PrivateKey BLS_DAVE = ActorChain.bls(4);

    private MessageFixtures() {
    }

    static SignedMessage transfer(PrivateKey from, Address to, long nonce, long atto) {
        Message message = new Message(0, to, from.address(), nonce, TokenAmount.ofAtto(atto), 1_000_000,
            TokenAmount.ofAtto(1_000), TokenAmount.ofAtto(100), 0, new byte[0]);
        return message.sign(from);
    }
}

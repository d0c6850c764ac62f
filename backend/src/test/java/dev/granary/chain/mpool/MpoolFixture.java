package dev.granary.chain.mpool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.GenesisActors;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.vm.BlockExecution;
import dev.granary.chain.vm.TipSetExecution;
import dev.granary.chain.vm.Vm;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/** Keys, a genesis state with funded accounts (IDs 100, 101, 102), and message builders for pool tests. */
final class MpoolFixture {

    static final PrivateKey ALICE = ActorChain.secp(1);
    static final PrivateKey CAROL = ActorChain.secp(2);
    static final PrivateKey DAVE = ActorChain.bls(3);
    /** Never funded: no actor. */
    static final PrivateKey BOB = ActorChain.secp(4);
    static final PrivateKey MINER = ActorChain.secp(5);

    static final Address ALICE_ID = Address.ofId(100);
    static final Address CAROL_ID = Address.ofId(101);
    static final Address DAVE_ID = Address.ofId(102);

    static final TokenAmount FUNDS = TokenAmount.ofFil(1_000);
    static final TokenAmount BASE_FEE = TokenAmount.ofAtto(100);
    static final TokenAmount FEE_CAP = TokenAmount.ofAtto(10_000);
    static final TokenAmount PREMIUM = TokenAmount.ofAtto(1_000);
    static final long GAS_LIMIT = 3_000_000;

    private MpoolFixture() {
    }

    /** The one place that knows GenesisActors' signature. */
    static Cid genesis(KvStore kv) {
        Map<Address, TokenAmount> allocations = new LinkedHashMap<>();
        allocations.put(ALICE.address(), FUNDS);
        allocations.put(CAROL.address(), FUNDS);
        allocations.put(DAVE.address(), FUNDS);
        return GenesisActors.create(kv, "granary-mpool-test", ChainPolicy.devnet(), allocations, TokenAmount.ofFil(1_000_000),
                Duration.ofSeconds(30));
    }

    static StateQueries genesisState(KvStore kv) {
        return StateQueries.at(kv, genesis(kv));
    }

    /** The state after applying {@code messages} on {@code state} (nonces advance, balances move). */
    static StateQueries applied(KvStore kv, StateQueries state, List<SignedMessage> messages) {
        TipSetExecution block = new TipSetExecution(0, 1, BASE_FEE, List.of(new BlockExecution(MINER.address(), 1, messages)));
        return StateQueries.at(kv, Vm.applyTipSet(kv, state.root(), block).stateRoot());
    }

    static Message message(Address from, long nonce, TokenAmount value, long gasLimit, TokenAmount feeCap,
                           TokenAmount premium) {
        return new Message(0, BOB.address(), from, nonce, value, gasLimit, feeCap, premium, 0, new byte[0]);
    }

    /** Signs the CID bytes with {@code key}, whatever the from address says (for f0 senders and forgeries). */
    static SignedMessage signWith(PrivateKey key, Message message) {
        return new SignedMessage(message, key.sign(message.cid().bytes()));
    }

    static SignedMessage transfer(PrivateKey from, long nonce) {
        return transfer(from, nonce, PREMIUM, FEE_CAP);
    }

    static SignedMessage transfer(PrivateKey from, long nonce, TokenAmount premium, TokenAmount feeCap) {
        return signWith(from, message(from.address(), nonce, TokenAmount.ofAtto(1), GAS_LIMIT, feeCap, premium));
    }

    static SignedMessage transfer(PrivateKey from, long nonce, long gasLimit, TokenAmount premium) {
        return signWith(from, message(from.address(), nonce, TokenAmount.ofAtto(1), gasLimit, FEE_CAP, premium));
    }

    static TokenAmount atto(long value) {
        return TokenAmount.ofAtto(value);
    }
}

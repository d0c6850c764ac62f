package dev.granary.chain.vm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorChain;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.ActorTable;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.GenesisActors;
import dev.granary.chain.actors.InitActor;
import dev.granary.chain.state.StateSession;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/** Keys, a genesis with one funded account and a reward pool, and helpers to build and inspect messages. */
final class VmFixture {

    static final PrivateKey ALICE = ActorChain.secp(1);
    static final PrivateKey BOB = ActorChain.secp(2);
    static final PrivateKey MINER = ActorChain.secp(3);
    static final TokenAmount ALICE_FUNDS = TokenAmount.ofFil(1_000);
    static final TokenAmount REWARD_POOL = TokenAmount.ofFil(1_000_000);
    static final Duration BLOCK_DELAY = Duration.ofSeconds(30);
    static final TokenAmount BASE_FEE = TokenAmount.ofAtto(100);
    static final TokenAmount FEE_CAP = TokenAmount.ofAtto(1_000);
    static final TokenAmount PREMIUM = TokenAmount.ofAtto(50);
    static final long GAS_LIMIT = 3_000_000;

    private VmFixture() {
    }

    static Cid genesis(KvStore kv) {
        Map<Address, TokenAmount> alloc = new LinkedHashMap<>();
        alloc.put(ALICE.address(), ALICE_FUNDS);
        return GenesisActors.create(kv, "granary-vm-test", ChainPolicy.devnet(), alloc, REWARD_POOL, BLOCK_DELAY);
    }

    static SignedMessage transfer(PrivateKey from, Address to, long nonce, TokenAmount value) {
        return transfer(from, to, nonce, value, GAS_LIMIT, 0);
    }

    static SignedMessage transfer(PrivateKey from, Address to, long nonce, TokenAmount value, long gasLimit, long method) {
        return new Message(0, to, from.address(), nonce, value, gasLimit, FEE_CAP, PREMIUM, method, new byte[0]).sign(from);
    }

    /** Signs any message with {@code key}, whatever its from address says (for ID senders and forgeries). */
    static SignedMessage signWith(PrivateKey key, Message message) {
        return new SignedMessage(message, key.sign(message.cid().bytes()));
    }

    /** One block by {@link #MINER} at epoch 1 on {@code root}. */
    static TipSetOutcome apply(KvStore kv, Cid root, SignedMessage... messages) {
        return applyAt(kv, root, 1, List.of(messages));
    }

    /** One block by {@link #MINER} (win count 1) at {@code epoch} on {@code root}, its parent one epoch earlier. */
    static TipSetOutcome applyAt(KvStore kv, Cid root, long epoch, List<SignedMessage> messages) {
        return Vm.applyTipSet(kv, root, new TipSetExecution(epoch - 1, epoch, BASE_FEE,
                List.of(new BlockExecution(MINER.address(), 1, messages))));
    }

    static ActorTable actors(KvStore kv, Cid root) {
        return new ActorTable(StateSession.on(kv, root));
    }

    /** The actor at any address, or null. */
    static ActorState actor(KvStore kv, Cid root, Address address) {
        ActorTable actors = actors(kv, root);
        var id = new InitActor(actors).lookupId(address);
        return id.isPresent() ? actors.get(id.getAsLong()) : null;
    }

    static TokenAmount balance(KvStore kv, Cid root, Address address) {
        ActorState actor = actor(kv, root, address);
        return actor == null ? TokenAmount.ZERO : actor.balance();
    }

    /** The sum of every balance: the FIL in existence, which nothing may change. */
    static TokenAmount totalBalance(KvStore kv, Cid root) {
        return ActorChain.totalBalance(StateSession.on(kv, root));
    }
}

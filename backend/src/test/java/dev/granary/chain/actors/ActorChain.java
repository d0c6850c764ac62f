package dev.granary.chain.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.granary.address.Address;
import dev.granary.chain.actors.power.CreateMinerParams;
import dev.granary.chain.actors.power.CreateMinerReturn;
import dev.granary.chain.actors.power.PowerMethods;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.state.TrieEntry;
import dev.granary.chain.vm.ApplyResult;
import dev.granary.chain.vm.BlockExecution;
import dev.granary.chain.vm.CallResult;
import dev.granary.chain.vm.ExitCode;
import dev.granary.chain.vm.TipSetExecution;
import dev.granary.chain.vm.TipSetOutcome;
import dev.granary.chain.vm.Vm;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * A devnet chain on a real RocksDB store for actor tests: funded secp256k1 and BLS accounts, and one
 * block per message applied through the VM, epoch after epoch.
 */
public final class ActorChain implements AutoCloseable {

    public static final PrivateKey OWNER = secp(1);
    public static final PrivateKey OTHER = secp(2);
    public static final PrivateKey CLIENT = secp(3);
    public static final PrivateKey PRODUCER = secp(4);
    public static final PrivateKey WORKER = bls(5);
    public static final PrivateKey NEW_WORKER = bls(6);
    public static final PrivateKey UNFUNDED = secp(7);
    public static final TokenAmount FUNDS = TokenAmount.ofFil(10_000);
    public static final TokenAmount REWARD_POOL = TokenAmount.ofFil(1_000_000);
    public static final Duration BLOCK_DELAY = Duration.ofSeconds(30);
    /** Five funded accounts and the reward pool: all the FIL there is. */
    public static final TokenAmount GENESIS_TOTAL = FUNDS.multiply(5).add(REWARD_POOL);
    public static final TokenAmount BASE_FEE = TokenAmount.ofAtto(100);
    public static final TokenAmount FEE_CAP = TokenAmount.ofAtto(1_000);
    public static final TokenAmount PREMIUM = TokenAmount.ofAtto(100);
    public static final long GAS_LIMIT = 60_000_000;
    /** 2 KiB sectors, window PoSt V1_1. */
    public static final long PROOF_2KIB = 10;

    private final KvStore kv;
    private Cid root;
    private long epoch;

    private ActorChain(KvStore kv, Cid genesis) {
        this.kv = kv;
        this.root = genesis;
    }

    /** A genesis with the devnet policy, a reward pool and {@link #FUNDS} for OWNER, OTHER, CLIENT, WORKER and NEW_WORKER. */
    public static ActorChain open(Path dir) {
        KvStore kv = KvStore.open(dir);
        Map<Address, TokenAmount> alloc = new LinkedHashMap<>();
        for (PrivateKey key : List.of(OWNER, OTHER, CLIENT, WORKER, NEW_WORKER)) {
            alloc.put(key.address(), FUNDS);
        }
        return new ActorChain(kv, GenesisActors.create(kv, "granary-actor-test", ChainPolicy.devnet(), alloc, REWARD_POOL,
                BLOCK_DELAY));
    }

    public static PrivateKey secp(int seed) {
        byte[] scalar = new byte[32];
        scalar[31] = (byte) seed;
        return PrivateKey.of(KeyType.SECP256K1, scalar);
    }

    public static PrivateKey bls(int seed) {
        byte[] scalar = new byte[32];
        scalar[0] = (byte) seed; // little-endian scalar
        return PrivateKey.of(KeyType.BLS, scalar);
    }

    public KvStore kv() {
        return kv;
    }

    public Cid root() {
        return root;
    }

    public long epoch() {
        return epoch;
    }

    public StateQueries state() {
        return StateQueries.at(kv, root);
    }

    /** The ID address of the actor at {@code address}. */
    public Address id(Address address) {
        return state().lookupId(address).orElseThrow();
    }

    public TokenAmount balance(Address address) {
        return state().actor(address).map(ActorState::balance).orElse(TokenAmount.ZERO);
    }

    /** The sum of every balance, which must stay {@link #GENESIS_TOTAL}. */
    public TokenAmount totalBalance() {
        return totalBalance(StateSession.on(kv, root));
    }

    /** The sum of the balances of every actor in {@code session}: the FIL in existence, which nothing may change. */
    public static TokenAmount totalBalance(StateSession session) {
        TokenAmount total = TokenAmount.ZERO;
        Iterator<TrieEntry> entries = session.iterator();
        while (entries.hasNext()) {
            TrieEntry entry = entries.next();
            if (entry.key().length > 0 && entry.key()[0] == StateKeys.ACTOR_KEY_FIRST_BYTE) {
                total = total.add(ActorState.CODEC.decode(entry.value()).balance());
            }
        }
        return total;
    }

    /** A signed message from {@code from} with its next nonce. */
    public SignedMessage message(PrivateKey from, Address to, long method, byte[] params, TokenAmount value) {
        long nonce = state().actor(from.address()).orElseThrow().callSeqNum();
        return new Message(0, to, from.address(), nonce, value, GAS_LIMIT, FEE_CAP, PREMIUM, method, params).sign(from);
    }

    /** Applies one message as the only message of the next epoch's block; it must be included (not invalid). */
    public ApplyResult.Applied send(PrivateKey from, Address to, long method, byte[] params, TokenAmount value) {
        TipSetOutcome out = applyNext(List.of(message(from, to, method, params, value)));
        return assertInstanceOf(ApplyResult.Applied.class, out.results().getFirst());
    }

    /** As {@link #send}, and requires it to fail with {@code expected}; returns the error message. */
    public String sendFailing(ExitCode expected, PrivateKey from, Address to, long method, byte[] params, TokenAmount value) {
        ApplyResult.Applied applied = send(from, to, method, params, value);
        assertEquals(expected, applied.exitCode(), applied.error());
        assertEquals(expected.value(), applied.receipt().exitCode());
        return applied.error();
    }

    /** As {@link #send}, and requires success; returns the return value. */
    public byte[] sendOk(PrivateKey from, Address to, long method, byte[] params, TokenAmount value) {
        ApplyResult.Applied applied = send(from, to, method, params, value);
        assertEquals(ExitCode.OK, applied.exitCode(), applied.error());
        return applied.receipt().returnValue();
    }

    /** Applies {@code messages} as one block by {@link #PRODUCER} at the next epoch. */
    public TipSetOutcome applyNext(List<SignedMessage> messages) {
        TipSetOutcome out = Vm.applyTipSet(kv, root, new TipSetExecution(epoch, epoch + 1, BASE_FEE,
                List.of(new BlockExecution(PRODUCER.address(), 1, messages))));
        root = out.stateRoot();
        epoch++;
        return out;
    }

    /** Empty blocks until {@code target}. */
    public void advanceTo(long target) {
        while (epoch < target) {
            applyNext(List.of());
        }
    }

    /** A read-only call at the current state. */
    public CallResult call(Address from, Address to, long method, byte[] params) {
        return Vm.call(kv, root, epoch, new Message(0, to, from, 0, TokenAmount.ZERO, 0, TokenAmount.ZERO,
                TokenAmount.ZERO, method, params));
    }

    /** Creates a 2 KiB miner owned by OWNER with WORKER as worker, sending {@code value} to it. */
    public CreateMinerReturn createMiner(TokenAmount value) {
        byte[] ret = sendOk(OWNER, SingletonActors.POWER, PowerMethods.CREATE_MINER, CreateMinerParams.CODEC.encode(
                new CreateMinerParams(OWNER.address(), WORKER.address(), PROOF_2KIB, new byte[] {1, 2, 3}, List.of())), value);
        return CreateMinerReturn.CODEC.decode(ret);
    }

    @Override
    public void close() {
        kv.close();
    }
}

package dev.granary.chain.mpool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.granary.address.Address;
import dev.granary.chain.actors.ActorState;
import dev.granary.chain.actors.StateQueries;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/**
 * Signed messages waiting for inclusion, for a devnet where this node is the only block producer
 * (Lotus' chain/messagepool without gossip, republishing or size-based pruning).
 *
 * <p>Messages are filed under the sender's ID address, resolved through the head state when they are
 * added, so the f1/f3 and f0 spellings of one sender share one nonce sequence. Every change is written
 * to the {@code mpool} column family, synced, before the call returns; {@link #open} reloads it.
 *
 * <p>Thread-safe. State is read outside the pool's lock where the outcome does not depend on the pool
 * (signature, sender), and {@link #select} works on a copy, so the REST layer can add while the
 * producer selects. Listeners are called on the thread that made the change, while the pool is locked,
 * in the order of the changes: they must be quick and must not wait on another thread that uses the pool.
 */
public final class MessagePool {

    private static final Logger log = LoggerFactory.getLogger(MessagePool.class);

    private final Object lock = new Object();
    private final MpoolConfig config;
    private final MpoolStore store;
    private final PendingMessages pending = new PendingMessages();
    private final List<Consumer<MpoolUpdate>> listeners = new CopyOnWriteArrayList<>();

    private MessagePool(MpoolStore store, MpoolConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The pool persisted in {@code kv}: every message whose add returned and was not removed since. */
    public static MessagePool open(KvStore kv, MpoolConfig config) {
        Objects.requireNonNull(config, "config");
        MessagePool pool = new MessagePool(new MpoolStore(kv), config);
        for (MpoolStore.Entry entry : pool.store.loadAll()) {
            pool.pending.put(entry.senderId(), entry.message());
        }
        log.info("message pool loaded {} pending messages", pool.pending.size());
        return pool;
    }

    /**
     * Checks {@code message} against the head state {@code state} and the current {@code baseFee},
     * then stores it durably and returns its CID. A message with the same sender and nonce as a pending
     * one replaces it when it pays enough more ({@link RejectReason#REPLACE_UNDERPRICED} otherwise).
     * Adding a message that is already pending (same CID and signature) returns its CID and changes
     * nothing, whatever the state says now, so a client may retry a push.
     *
     * @throws MessageRejectedException naming the failed check and how to fix the message
     */
    public Cid add(SignedMessage message, StateQueries state, TokenAmount baseFee) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(baseFee, "baseFee");
        Cid cid = message.cid();
        if (isPending(message)) {
            return cid;
        }
        MessageLimits.check(message, baseFee);
        SenderCheck.Sender sender = SenderCheck.resolve(message, state);
        synchronized (lock) {
            if (isPending(message)) {
                return cid;
            }
            SignedMessage replaced = PoolAdmission.check(message, sender, pending, config);
            store.put(sender.id(), message);
            pending.put(sender.id(), message);
            pending.rememberSpelling(sender.keyAddress(), sender.id());
            if (replaced != null) {
                notifyListeners(new MpoolUpdate(MpoolUpdate.Kind.REMOVE, replaced));
            }
            notifyListeners(new MpoolUpdate(MpoolUpdate.Kind.ADD, message));
        }
        return cid;
    }

    private boolean isPending(SignedMessage message) {
        synchronized (lock) {
            return message.equals(pending.get(message.cid()));
        }
    }

    /** Every pending message, by sender ID, then nonce. */
    public List<SignedMessage> pending() {
        synchronized (lock) {
            return pending.all();
        }
    }

    /**
     * The pending messages of {@code sender}, by nonce. An f1/f3 spelling is matched through the
     * messages and head states the pool has seen; after a restart, a sender that only ever sent from its
     * f0 address is found by its f1/f3 address once {@link #headChanged} has run.
     */
    public List<SignedMessage> pending(Address sender) {
        synchronized (lock) {
            Long id = pending.knownSenderId(sender);
            return id == null ? List.of() : List.copyOf(pending.ofSender(id).values());
        }
    }

    /**
     * Lotus' MpoolGetNonce: the nonce the sender's next new message must carry, its state nonce plus
     * its pending run. 0 for an address with no actor yet, which is what its first message will carry.
     */
    public long nextNonce(Address sender, StateQueries state) {
        Optional<Address> id = state.lookupId(sender);
        Optional<ActorState> actor = state.actor(sender);
        if (id.isEmpty() || actor.isEmpty()) {
            return 0;
        }
        synchronized (lock) {
            pending.rememberSpelling(sender, id.get().id());
            return pending.nextNonce(id.get().id(), actor.get().callSeqNum());
        }
    }

    public Optional<SignedMessage> get(Cid cid) {
        synchronized (lock) {
            return Optional.ofNullable(pending.get(cid));
        }
    }

    public int size() {
        synchronized (lock) {
            return pending.size();
        }
    }

    /**
     * The messages for a block on the head whose state is {@code state} and whose next base fee is
     * {@code baseFee}: at most {@code maxMessages} declaring at most {@code gasLimit} gas in total, each
     * sender's in nonce order starting at its state nonce, best paying first. Deterministic: the same
     * pool, state and arguments give the same list. Messages are not removed; {@link #headChanged} does
     * that once they are on chain.
     */
    public List<SignedMessage> select(StateQueries state, TokenAmount baseFee, long gasLimit, int maxMessages) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(baseFee, "baseFee");
        Map<Long, List<SignedMessage>> snapshot;
        synchronized (lock) {
            snapshot = pending.snapshot();
        }
        return MessageSelector.select(snapshot, state, baseFee, gasLimit, maxMessages);
    }

    /**
     * Drops, durably, every message whose nonce is below its sender's nonce in the new head's state:
     * it was included or can never be. Messages that became invalid in another way (balance, base fee)
     * stay; {@link #select} skips them until they are valid again or replaced.
     */
    public void headChanged(StateQueries newHeadState) {
        Objects.requireNonNull(newHeadState, "newHeadState");
        Collection<Long> senders;
        synchronized (lock) {
            senders = pending.senderIds();
        }
        Map<Long, Long> stateNonces = new HashMap<>();
        Map<Long, Address> keyAddresses = new HashMap<>();
        for (long id : senders) {
            Address idAddress = Address.ofId(id);
            newHeadState.actor(idAddress).ifPresent(actor -> stateNonces.put(id, actor.callSeqNum()));
            newHeadState.accountKey(idAddress).ifPresent(key -> keyAddresses.put(id, key));
        }
        synchronized (lock) {
            keyAddresses.forEach((id, key) -> pending.rememberSpelling(key, id));
            removeBelow(stateNonces);
        }
    }

    private void removeBelow(Map<Long, Long> stateNonces) {
        List<PendingMessages.Slot> stale = new ArrayList<>();
        stateNonces.forEach((id, stateNonce) -> pending.ofSender(id).headMap(stateNonce, false).keySet()
                .forEach(nonce -> stale.add(new PendingMessages.Slot(id, nonce))));
        store.deleteAll(stale.stream().map(slot -> MpoolKeys.key(slot.senderId(), slot.nonce())).toList());
        for (PendingMessages.Slot slot : stale) {
            notifyListeners(new MpoolUpdate(MpoolUpdate.Kind.REMOVE, pending.remove(slot.senderId(), slot.nonce())));
        }
    }

    public void addListener(Consumer<MpoolUpdate> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<MpoolUpdate> listener) {
        listeners.remove(listener);
    }

    /** A failing listener is logged and skipped: the change is already durable and others must hear of it. */
    private void notifyListeners(MpoolUpdate update) {
        for (Consumer<MpoolUpdate> listener : listeners) {
            try {
                listener.accept(update);
            } catch (RuntimeException e) {
                log.warn("message pool listener {} failed on {} of {}", listener, update.kind(), update.cid(), e);
            }
        }
    }
}

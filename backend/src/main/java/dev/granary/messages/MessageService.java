package dev.granary.messages;

import dev.granary.address.Address;
import dev.granary.address.Protocol;
import dev.granary.alerts.Alerts;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.audit.Page;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.HeadChange;
import dev.granary.chain.mpool.MessageRejectedException;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.node.NodeConfig;
import dev.granary.units.Durations;
import dev.granary.wallet.WalletService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the node sends messages from. The nonce is assigned in the database transaction that
 * records the signed message, so a refused push gives the nonce back and a restart resends what was
 * recorded; messages not executed after messages.replace-after-epochs are replaced by fee up to
 * messages.max-fee, each replacement recorded and audited.
 *
 * <p>Permissions: send and replace need SIGN; reads need READ.
 *
 * <p>CONTRACT: the REST layer, control wallets, watermarks and the dashboard code against these signatures.
 */
public final class MessageService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MessageService.class);
    /** The most messages one page of {@link #list} holds. */
    public static final int MAX_LIST = 500;
    static final int MAX_PARAMS_BYTES = 60 * 1024;
    static final int MAX_IDEMPOTENCY_KEY = 200;
    /**
     * Filecoin's total supply: no value, fee or max fee a caller gives can mean more (and larger numbers
     * would not fit the amount columns).
     */
    static final TokenAmount MAX_AMOUNT = TokenAmount.ofFil(2_000_000_000L);
    /** Record transactions hold a connection while the wallet signs on another: at most this many at once. */
    private static final int CONCURRENT_RECORDS = 4;

    private final MessageStore store;
    private final NodeConfig.Messages config;
    private final ChainApi chain;
    private final MessageSigner signer;
    private final AuditLog audit;
    private final Optional<Alerts> alerts;
    private final FeePlanner fees;
    private final SenderLocks locks = new SenderLocks();
    private final Semaphore recording = new Semaphore(CONCURRENT_RECORDS, true);
    /** Waiters of {@link #await} wait on this; every state change notifies it. */
    private final Object changes = new Object();
    private final HeadWatcher watcher;
    private volatile AutoCloseable subscription;
    private volatile boolean closed;
    private volatile long watchedHeight = -1;

    MessageService(MessageStore store, NodeConfig.Messages config, ChainApi chain, MessageSigner signer, AuditLog audit,
                   Optional<Alerts> alerts) {
        this.store = store;
        this.config = config;
        this.chain = chain;
        this.signer = signer;
        this.audit = audit;
        this.alerts = alerts;
        this.fees = new FeePlanner(chain, config);
        this.watcher = new HeadWatcher(this);
    }

    /** Starts the service: resends RECORDED messages, then watches heads for inclusion and replacement. */
    public static MessageService start(Jdbi jdbi, NodeConfig.Messages config, ChainApi chain, WalletService wallets,
                                       AuditLog audit, Clock clock) {
        return start(jdbi, config, chain, wallets, audit, null, clock);
    }

    /** As above; a replacement the max fee forbids raises an alert through {@code alerts} (may be null). */
    public static MessageService start(Jdbi jdbi, NodeConfig.Messages config, ChainApi chain, WalletService wallets,
                                       AuditLog audit, Alerts alerts, Clock clock) {
        return start(new MessageStore(jdbi, clock), config, chain, MessageSigner.of(wallets), audit,
            Optional.ofNullable(alerts));
    }

    static MessageService start(MessageStore store, NodeConfig.Messages config, ChainApi chain, MessageSigner signer,
                                AuditLog audit, Optional<Alerts> alerts) {
        MessageService service = new MessageService(store, config, chain, signer, audit, alerts);
        // ChainNotify calls at once with the current head: that call is the restart catch-up.
        service.subscription = chain.chainNotify(service::headChanged);
        return service;
    }

    // ---------------------------------------------------------------- sending

    /** SIGN. Records, signs and pushes; returns at once (state PUSHED, or REJECTED with the reason). */
    public OutgoingMessage send(Actor actor, SendRequest request) {
        return submit(actor, request).message();
    }

    /** What {@link #submit} did: sent a new message, or found the one an earlier request with the same key sent. */
    public record Sent(OutgoingMessage message, boolean created) {}

    /** SIGN. As {@link #send}, telling a new message from a retried request's (REST: 201 or 200). */
    public Sent submit(Actor actor, SendRequest request) {
        actor.require(Permission.SIGN, "sending a message");
        checkRequest(request);
        Address from = senderKey(request.from());
        String hash = fingerprint(from, request);
        Optional<String> key = request.idempotencyKey();
        Optional<String> user = key.map(k -> idempotencyUser(actor));
        if (key.isPresent()) {
            Optional<StoredMessage> earlier = store.byIdempotency(user.get(), key.get());
            if (earlier.isPresent()) {
                return new Sent(sameRequest(earlier.get(), hash, key.get()), false);
            }
        }
        TokenAmount maxFee = request.maxFee().orElse(fees.defaultMaxFee());
        checkBalance(from, request.value());
        ReentrantLock lock = locks.of(from);
        lock.lock();
        try {
            Recorded recorded;
            try {
                recorded = record(actor, from, request, maxFee, user, hash);
            } catch (RuntimeException e) {
                if (key.isPresent() && Sql.isUniqueViolation(e)) {
                    return new Sent(sameRequest(store.byIdempotency(user.get(), key.get()).orElseThrow(() -> e), hash,
                        key.get()), false);
                }
                throw e;
            }
            if (recorded.earlier()) {
                return new Sent(sameRequest(recorded.message(), hash, key.orElseThrow()), false);
            }
            Faults.at(Faults.AFTER_RECORD);
            OutgoingMessage result = push(recorded.message());
            auditSend(actor, result);
            return new Sent(result, true);
        } finally {
            lock.unlock();
        }
    }

    private record Recorded(StoredMessage message, boolean earlier) {}

    /**
     * Records and signs like {@link #send} but does not push: what a crash right after the record leaves
     * behind. For restart tests in this package only.
     */
    OutgoingMessage recordWithoutPush(Actor actor, SendRequest request) {
        Address from = senderKey(request.from());
        ReentrantLock lock = locks.of(from);
        lock.lock();
        try {
            return record(actor, from, request, request.maxFee().orElse(fees.defaultMaxFee()), Optional.empty(),
                fingerprint(from, request)).message().view();
        } finally {
            lock.unlock();
        }
    }

    /** One transaction: lock the nonce row, take the nonce, estimate gas, sign, insert RECORDED. */
    private Recorded record(Actor actor, Address from, SendRequest request, TokenAmount maxFee, Optional<String> user,
                            String hash) {
        store.ensureNonceRow(from, chain.mpoolGetNonce(from));
        recording.acquireUninterruptibly();
        try {
            return store.jdbi().inTransaction(h -> {
                if (request.idempotencyKey().isPresent()) {
                    Optional<StoredMessage> earlier = store.byIdempotency(h, user.orElseThrow(),
                        request.idempotencyKey().get());
                    if (earlier.isPresent()) {
                        return new Recorded(earlier.get(), true);
                    }
                }
                long nonce = store.lockNextNonce(h, from, chain.mpoolGetNonce(from));
                Message draft = new Message(0, request.to(), from, nonce, request.value(), 0, TokenAmount.ZERO,
                    TokenAmount.ZERO, request.method(), request.params());
                Message estimated = fees.estimate(draft, maxFee);
                SignedMessage signed = signer.sign(actor, estimated, request.purpose());
                long id = store.insert(h, new MessageStore.NewMessage(signed, request.purpose(), maxFee,
                    actor.principal().actorName(), user, request.idempotencyKey(), hash));
                store.setNextNonce(h, from, nonce + 1);
                return new Recorded(store.byId(h, id).orElseThrow(), false);
            });
        } finally {
            recording.release();
        }
    }

    /** Pushes a RECORDED message: PUSHED at the head's height, or REJECTED with its nonce given back. Under the sender lock. */
    OutgoingMessage push(StoredMessage m) {
        try {
            chain.mpoolPush(m.signed());
        } catch (MessageRejectedException e) {
            log.info("message {} (from {}, nonce {}) was refused by the pool: {}", m.id(), m.view().from(),
                m.view().nonce(), e.getMessage());
            store.markRejected(m, "the message pool refused it (" + e.reason().name().toLowerCase() + "): "
                + e.getMessage());
            changed();
            return reload(m.id());
        }
        store.markPushed(m.id(), chain.chainHead().height());
        changed();
        return reload(m.id());
    }

    private void auditSend(Actor actor, OutgoingMessage m) {
        String what = m.purpose() + ": " + m.value() + " from " + m.from() + " to " + m.to() + " (method " + m.method()
            + "), nonce " + m.nonce() + ", CID " + m.cid();
        if (m.state() == MessageState.REJECTED) {
            audit.record(actor, "messages.send", "message " + m.id(), Outcome.FAILED, what + "; " + m.error());
        } else {
            audit.record(actor, "messages.send", "message " + m.id(), Outcome.SUCCESS, what);
        }
    }

    private void checkRequest(SendRequest r) {
        if (r.to() == null) {
            throw new IllegalArgumentException("sending a message: the recipient (to) is required");
        }
        if (r.value() == null || r.value().isNegative()) {
            throw new IllegalArgumentException("sending a message: the value must be zero or more");
        }
        if (r.method() < 0) {
            throw new IllegalArgumentException("sending a message: the method number must be zero or more, got " + r.method());
        }
        if (r.purpose() == null || r.purpose().isBlank() || r.purpose().length() > 64) {
            throw new IllegalArgumentException("sending a message: the purpose must be 1 to 64 characters");
        }
        if (r.params().length > MAX_PARAMS_BYTES) {
            throw new IllegalArgumentException("sending a message: params of " + r.params().length
                + " bytes exceed " + MAX_PARAMS_BYTES + " bytes");
        }
        if (r.maxFee() != null && r.maxFee().isPresent() && r.maxFee().get().isNegative()) {
            throw new IllegalArgumentException("sending a message: the max fee must be zero or more");
        }
        checkAtMostSupply("sending a message: the value", r.value());
        if (r.maxFee() != null && r.maxFee().isPresent()) {
            checkAtMostSupply("sending a message: the max fee", r.maxFee().get());
        }
        if (r.idempotencyKey() != null && r.idempotencyKey().isPresent()) {
            String key = r.idempotencyKey().get();
            if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY) {
                throw new IllegalArgumentException("sending a message: an idempotency key must be 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters");
            }
        }
    }

    private static void checkAtMostSupply(String what, TokenAmount amount) {
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException(what + " " + amount + " exceeds Filecoin's total supply of "
                + MAX_AMOUNT + "; check the amount and its unit");
        }
    }

    /**
     * The key address the message is sent from: an f0 is resolved to its account key (one nonce sequence
     * per sender whichever spelling is used), and the key must be in this node's wallet.
     */
    private Address senderKey(Address given) {
        Address from = given != null ? given : signer.defaultAddress().orElseThrow(() -> new IllegalArgumentException(
            "sending a message: no sender given and this node's wallet has no default address;"
                + " pass from, or set a default (granary wallet set-default)"));
        Address key = from;
        if (from.protocol() == Protocol.ID) {
            key = chain.stateAccountKey(from, TipSetKey.EMPTY).orElseThrow(() -> new IllegalArgumentException(
                "sending from " + from + ": no account with that ID on chain; give the sender's key address (f1…/f3…)"));
        }
        if (key.protocol() != Protocol.SECP256K1 && key.protocol() != Protocol.BLS) {
            throw new IllegalArgumentException("sending from " + from + ": only secp256k1 (f1) and BLS (f3) keys can sign");
        }
        if (!signer.has(key)) {
            throw new IllegalArgumentException("sending from " + from + ": its key is not in this node's wallet;"
                + " import it first (granary wallet import) or send from an address `granary wallet list` shows");
        }
        return key;
    }

    private void checkBalance(Address from, TokenAmount value) {
        TokenAmount balance = chain.walletBalance(from);
        if (balance.compareTo(value) < 0) {
            throw new IllegalArgumentException("sending " + value + " from " + from + ": its balance is only " + balance
                + "; fund it first or send less");
        }
    }

    private static String idempotencyUser(Actor actor) {
        String user = actor.principal().username();
        return user != null ? user : actor.principal().actorName();
    }

    /** What makes two requests "the same" for idempotency: everything the caller chose. */
    private static String fingerprint(Address from, SendRequest r) {
        String text = String.join("|", from.toString(), r.to().toString(), r.value().attoFil().toString(),
            Long.toString(r.method()), HexFormat.of().formatHex(r.params()), r.purpose(),
            r.maxFee().map(f -> f.attoFil().toString()).orElse(""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static OutgoingMessage sameRequest(StoredMessage earlier, String hash, String key) {
        if (!earlier.requestHash().equals(hash)) {
            throw new ConflictException("idempotency key '" + key + "' was already used for message " + earlier.id()
                + " with different content (from, to, value, method, params or max fee); use a new key for a new message");
        }
        return earlier.view();
    }

    // ---------------------------------------------------------------- reading

    /** READ. Waits until the message is CONFIRMED, FAILED or REJECTED. */
    public OutgoingMessage await(Actor actor, long id, Duration timeout) throws InterruptedException, TimeoutException {
        actor.require(Permission.READ, "waiting for a message");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (changes) {
            while (true) {
                OutgoingMessage m = get(actor, id);
                if (m.state().done()) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("message " + id + " is still " + m.state().id() + " after "
                        + Durations.format(timeout) + "; wait again, or look at it with GET /api/v1/messages/" + id);
                }
                changes.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** READ. NotFoundException when no such message. */
    public OutgoingMessage get(Actor actor, long id) {
        actor.require(Permission.READ, "reading an outgoing message");
        return store.byId(id).map(StoredMessage::view).orElseThrow(() -> new NotFoundException(
            "no outgoing message " + id + "; list them with GET /api/v1/messages"));
    }

    /** READ. By any CID it was pushed under (original or replacement). */
    public Optional<OutgoingMessage> findByCid(Actor actor, Cid cid) {
        actor.require(Permission.READ, "reading an outgoing message");
        return store.byCid(cid).map(StoredMessage::view);
    }

    /** READ. Newest first. */
    public Page<OutgoingMessage> list(Actor actor, MessageQuery query) {
        actor.require(Permission.READ, "listing outgoing messages");
        int limit = Math.max(1, Math.min(query.limit(), MAX_LIST));
        Optional<Address> from = query.from().map(a -> a.protocol() == Protocol.ID
            ? chain.stateAccountKey(a, TipSetKey.EMPTY).orElse(a) : a);
        return store.list(new MessageQuery(from, query.state(), query.before(), limit));
    }

    /** READ. Oldest first. */
    public List<Replacement> replacements(Actor actor, long id) {
        get(actor, id);
        return store.replacements(id);
    }

    // ---------------------------------------------------------------- replacing

    /** SIGN, audited. Replaces a PUSHED message by fee; ConflictException when it is no longer pending. */
    public OutgoingMessage replace(Actor actor, long id, ReplaceRequest request) {
        actor.require(Permission.SIGN, "replacing a message");
        request.gasPremium().ifPresent(a -> checkAtMostSupply("replacing message " + id + ": the gas premium", a));
        request.gasFeeCap().ifPresent(a -> checkAtMostSupply("replacing message " + id + ": the gas fee cap", a));
        request.maxFee().ifPresent(a -> checkAtMostSupply("replacing message " + id + ": the max fee", a));
        StoredMessage first = store.byId(id).orElseThrow(() -> new NotFoundException(
            "no outgoing message " + id + "; list them with GET /api/v1/messages"));
        ReentrantLock lock = locks.of(first.view().from());
        lock.lock();
        try {
            StoredMessage m = store.byId(id).orElseThrow();
            if (m.state() != MessageState.PUSHED) {
                throw new ConflictException("replacing message " + id + ": it is " + m.state().id()
                    + "; only a pushed message still waiting for a block can be replaced");
            }
            TokenAmount maxFee = request.maxFee().orElse(m.maxFee());
            Message current = m.signed().message();
            FeePlanner.Plan plan;
            if (request.auto()) {
                plan = fees.automatic(current, maxFee, chain.chainStatus().baseFee());
                if (plan.blocked()) {
                    audit.record(actor, "messages.replace", "message " + id, Outcome.FAILED, plan.blockedBecause());
                    throw new ConflictException("replacing message " + id + ": " + plan.blockedBecause());
                }
            } else {
                TokenAmount premium = request.gasPremium().orElseThrow(() -> new IllegalArgumentException(
                    "replacing message " + id + ": give gasPremium (and optionally gasFeeCap), or ask for auto"));
                plan = fees.explicit(current, premium, request.gasFeeCap(), maxFee);
            }
            String reason = request.reason() == null || request.reason().isBlank()
                ? "replaced by " + actor.principal().actorName() : request.reason();
            try {
                return replaceWith(m, plan, actor, reason, chain.chainHead().height()).view();
            } catch (MessageRejectedException e) {
                throw new ConflictException("replacing message " + id + ": the message pool refused the replacement: "
                    + e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Signs the replacement, records it (so a crash before the push leaves it to be pushed at start),
     * pushes it; a refusal undoes the record and is rethrown. Under the sender lock.
     */
    StoredMessage replaceWith(StoredMessage m, FeePlanner.Plan plan, Actor actor, String reason, long height) {
        Message current = m.signed().message();
        Message next = FeePlanner.withGas(current, current.gasLimit(), plan.feeCap(), plan.premium());
        SignedMessage signed = signer.sign(actor, next, m.view().purpose() + " (replacement)");
        long replacementId = store.recordReplacement(m, signed, height, reason, actor.principal().actorName());
        String change = "CID " + m.view().cid() + " → " + signed.cid() + ", premium " + current.gasPremium().attoFil()
            + " → " + plan.premium().attoFil() + " attoFIL, fee cap " + current.gasFeeCap().attoFil() + " → "
            + plan.feeCap().attoFil() + " attoFIL";
        try {
            chain.mpoolPush(signed);
        } catch (MessageRejectedException e) {
            // the replacement clock restarts: an automatic retry waits replace-after-epochs again
            store.revertReplacement(m, replacementId, height, "not replaced: the message pool refused the replacement: "
                + e.getMessage());
            audit.record(actor, "messages.replace", "message " + m.id(), Outcome.FAILED, change + ": refused: "
                + e.getMessage());
            changed();
            throw e;
        }
        log.info("replaced message {} (from {}, nonce {}): {} ({})", m.id(), m.view().from(), m.view().nonce(), change,
            reason);
        audit.record(actor, "messages.replace", "message " + m.id(), Outcome.SUCCESS, change + ": " + reason);
        resolveBlockedAlert(m.id(), "replaced: " + change);
        changed();
        return store.byId(m.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- head watching (HeadWatcher's hooks)

    private void headChanged(HeadChange change) {
        if (closed || change.type() == HeadChange.Type.REVERT) {
            return;
        }
        watcher.process(change.tipSet().height());
        watchedHeight = change.tipSet().height();
    }

    /**
     * The height of the last head the watcher has finished with. It moves after the chain head does (the
     * watcher hears heads on its own thread), so a view showing message states reloads when this moves.
     */
    public long watchedHeight() {
        return watchedHeight;
    }

    MessageStore store() {
        return store;
    }

    ChainApi chain() {
        return chain;
    }

    NodeConfig.Messages config() {
        return config;
    }

    FeePlanner fees() {
        return fees;
    }

    AuditLog audit() {
        return audit;
    }

    ReentrantLock lockOf(Address sender) {
        return locks.of(sender);
    }

    void raiseBlockedAlert(OutgoingMessage m, String why) {
        alerts.ifPresent(a -> a.raise(blockedAlertKey(m.id()), dev.granary.alerts.Severity.WARNING, "messages",
            "message " + m.id() + " (" + m.purpose() + " from " + m.from() + ", nonce " + m.nonce()
                + ") is stuck and cannot be replaced: " + why));
    }

    void resolveBlockedAlert(long id, String resolution) {
        alerts.ifPresent(a -> a.resolve(blockedAlertKey(id), resolution));
    }

    static String blockedAlertKey(long id) {
        return "messages.replace-blocked." + id;
    }

    /** Wakes every {@link #await}. */
    void changed() {
        synchronized (changes) {
            changes.notifyAll();
        }
    }

    private OutgoingMessage reload(long id) {
        return store.byId(id).orElseThrow().view();
    }

    @Override
    public void close() {
        closed = true;
        AutoCloseable s = subscription;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                log.warn("stopping the head subscription of the message service: {}", e.getMessage());
            }
        }
        changed();
    }
}

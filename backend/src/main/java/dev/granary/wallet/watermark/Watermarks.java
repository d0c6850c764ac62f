package dev.granary.wallet.watermark;

import dev.granary.address.Address;
import dev.granary.alerts.Alerts;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.chain.ChainApi;
import dev.granary.chain.HeadChange;
import dev.granary.chain.types.TipSetKey;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageService;
import dev.granary.node.NodeConfig;
import dev.granary.units.Durations;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Balance watermarks: on each new head, every address below its low mark is topped up to its high mark
 * from its funding address (at most once per wallet.top-up-interval, audited); when that cannot be done
 * an alert is raised, and resolved once the balance is back.
 *
 * <p>The check runs on this service's own head-listener thread (ChainNotify), so a slow top-up never
 * delays the next block. Setting or removing a watermark waits for a running check: a check never acts on
 * a band that was just changed, nor raises an alert for one that was just removed.
 *
 * <p>Permissions: list needs READ; set and remove need SIGN.
 *
 * <p>CONTRACT: the REST layer and the dashboard code against these signatures.
 */
public final class Watermarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Watermarks.class);

    private final WatermarkStore store;
    private final ChainApi chain;
    private final WalletService wallets;
    private final Alerts alerts;
    private final AuditLog audit;
    private final Clock clock;
    private final TopUps topUps;
    /** Held by a check pass and by set/remove. */
    private final Object checking = new Object();
    private final AutoCloseable subscription;

    private Watermarks(Jdbi jdbi, Duration interval, ChainApi chain, WalletService wallets, MessageService messages,
                       Alerts alerts, AuditLog audit, Clock clock) {
        this.store = new WatermarkStore(jdbi);
        this.chain = chain;
        this.wallets = wallets;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.topUps = new TopUps(store, chain, wallets, messages, alerts, audit, clock, interval);
        this.subscription = chain.chainNotify(this::onHead);
    }

    public static Watermarks start(Jdbi jdbi, NodeConfig.Wallet config, ChainApi chain, WalletService wallets,
                                   MessageService messages, Alerts alerts, AuditLog audit, Clock clock) {
        Duration interval;
        try {
            interval = Durations.parse(config.topUpInterval());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wallet.top-up-interval: " + e.getMessage(), e);
        }
        return new Watermarks(jdbi, interval, chain, wallets, messages, alerts, audit, clock);
    }

    private void onHead(HeadChange change) {
        if (change.type() == HeadChange.Type.APPLY) {
            synchronized (checking) {
                topUps.checkAll();
            }
        }
    }

    /** READ. */
    public List<Watermark> list(Actor actor) {
        actor.require(Permission.READ, "listing balance watermarks");
        return store.all().stream().map(WatermarkStore.Row::watermark).toList();
    }

    /** READ. The address' balance at the head, to show beside its marks. */
    public TokenAmount balance(Actor actor, Address address) {
        actor.require(Permission.READ, "reading a balance");
        return chain.walletBalance(address);
    }

    /** SIGN, audited. low < high; the funding address must be in the wallet and differ from {@code address}. */
    public Watermark set(Actor actor, Address address, TokenAmount low, TokenAmount high, Address funding) {
        String action = "setting the balance watermark of " + address;
        actor.require(Permission.SIGN, action);
        if (low.compareTo(high) >= 0) {
            throw new IllegalArgumentException(action + ": the low mark " + low + " must be below the high mark " + high);
        }
        Address target = keyAddress(address);
        Address source = keyAddress(funding);
        if (target.equals(source)) {
            throw new IllegalArgumentException(action + ": an address cannot fund itself; choose another funding address");
        }
        if (!wallets.has(source)) {
            throw new IllegalArgumentException(action + ": the funding address " + funding + " is not in this node's"
                + " wallet; import its key first or choose another");
        }
        synchronized (checking) {
            store.upsert(target, low, high, source, clock.instant(), actor.principal().actorName());
        }
        audit.record(actor, "watermark.set", target.toString(), Outcome.SUCCESS, "low " + low + ", high " + high
            + ", funding " + source);
        log.info("watermark of {} set: low {}, high {}, funding {}", target, low, high, source);
        return store.find(target).orElseThrow().watermark();
    }

    /** SIGN, audited. */
    public void remove(Actor actor, Address address) {
        String action = "removing the balance watermark of " + address;
        actor.require(Permission.SIGN, action);
        Address target = keyAddress(address);
        synchronized (checking) {
            if (!store.delete(target)) {
                throw new NotFoundException(action + ": there is no watermark for " + target);
            }
            alerts.resolve(TopUps.ALERT_PREFIX + target, "watermark removed by " + actor.principal().actorName());
        }
        audit.record(actor, "watermark.remove", target.toString(), Outcome.SUCCESS, "");
    }

    /** An account's f1/f3 address for any of its addresses, so one account has one watermark; others as given. */
    private Address keyAddress(Address address) {
        return chain.stateAccountKey(address, TipSetKey.EMPTY).orElse(address);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            log.warn("stopping the watermark checks: {}", e.getMessage());
        }
    }
}

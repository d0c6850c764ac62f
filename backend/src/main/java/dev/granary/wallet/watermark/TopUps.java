package dev.granary.wallet.watermark;

import dev.granary.alerts.Alerts;
import dev.granary.alerts.Severity;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.chain.ChainApi;
import dev.granary.errors.NotFoundException;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageService;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.SendRequest;
import dev.granary.wallet.LockState;
import dev.granary.wallet.WalletLockedException;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over every watermark, run on each new head. An address at or above its low mark has its
 * alert resolved. One below it is topped up to its high mark from its funding address unless a
 * top-up is still on its way (RECORDED or PUSHED) or the last one went out less than
 * wallet.top-up-interval ago; when it cannot be topped up the alert "wallet.watermark:ADDRESS" says why.
 */
final class TopUps {

    static final String ALERT_PREFIX = "wallet.watermark:";
    private static final Logger log = LoggerFactory.getLogger(TopUps.class);

    private final WatermarkStore store;
    private final ChainApi chain;
    private final WalletService wallets;
    private final MessageService messages;
    private final Alerts alerts;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;

    TopUps(WatermarkStore store, ChainApi chain, WalletService wallets, MessageService messages, Alerts alerts,
           AuditLog audit, Clock clock, Duration interval) {
        this.store = store;
        this.chain = chain;
        this.wallets = wallets;
        this.messages = messages;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    /** The caller holds {@link Watermarks}' lock, so a watermark is not changed or removed mid-check. */
    void checkAll() {
        for (WatermarkStore.Row row : store.all()) {
            try {
                check(row);
            } catch (RuntimeException e) {
                // one broken watermark must not keep the others from being checked
                log.warn("checking the watermark of {} failed: {}", row.watermark().address(), e.getMessage(), e);
            }
        }
    }

    private void check(WatermarkStore.Row row) {
        Watermark w = row.watermark();
        TokenAmount balance = chain.walletBalance(w.address());
        if (balance.compareTo(w.low()) >= 0) {
            alerts.resolve(ALERT_PREFIX + w.address(), "balance " + balance + " is at or above the low mark " + w.low());
            if (!w.lastError().isEmpty()) {
                store.lastError(w.address(), "");
            }
            return;
        }
        Optional<OutgoingMessage> last = lastMessage(w);
        if (last.isPresent() && pending(last.get())) {
            return;
        }
        Instant now = clock.instant();
        if (w.lastTopUp().isPresent() && now.isBefore(w.lastTopUp().get().plus(interval))) {
            rateLimited(w, balance, last);
            return;
        }
        topUp(row, balance, now);
    }

    private Optional<OutgoingMessage> lastMessage(Watermark w) {
        if (w.lastMessageId().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(messages.get(Actor.system(), w.lastMessageId().get()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean pending(OutgoingMessage m) {
        return m.state() == MessageState.RECORDED || m.state() == MessageState.PUSHED;
    }

    private void rateLimited(Watermark w, TokenAmount balance, Optional<OutgoingMessage> last) {
        Instant next = w.lastTopUp().get().plus(interval);
        boolean failed = last.isPresent() && (last.get().state() == MessageState.FAILED
            || last.get().state() == MessageState.REJECTED);
        String why = failed
            ? "the last top-up (message " + last.get().id() + ") " + last.get().state().id() + ": " + last.get().error()
                + "; the next attempt goes at " + next + " (wallet.top-up-interval)"
            : "it was topped up at " + w.lastTopUp().get() + " and wallet.top-up-interval allows the next top-up at "
                + next + "; find out what spends it";
        cannot(w, balance, failed ? Severity.CRITICAL : Severity.WARNING, why);
    }

    private void topUp(WatermarkStore.Row row, TokenAmount balance, Instant now) {
        Watermark w = row.watermark();
        TokenAmount amount = w.high().subtract(balance);
        Optional<String> refusal = refusal(w, amount);
        if (refusal.isPresent()) {
            cannot(w, balance, Severity.CRITICAL, refusal.get());
            return;
        }
        OutgoingMessage sent;
        try {
            sent = messages.send(Actor.system(), new SendRequest(w.funding(), w.address(), amount, 0, new byte[0],
                "watermark-top-up", Optional.empty(), Optional.of(row.nextTopUpKey())));
        } catch (WalletLockedException e) {
            cannot(w, balance, Severity.CRITICAL, "the wallet store is locked; unlock it so the node can sign");
            return;
        } catch (RuntimeException e) {
            cannot(w, balance, Severity.CRITICAL, "sending " + amount + " from " + w.funding() + " failed: " + e.getMessage());
            return;
        }
        if (sent.state() == MessageState.REJECTED) {
            store.toppedUp(w.address(), now, sent.id(), "refused by the message pool: " + sent.error());
            cannot(w, balance, Severity.CRITICAL, "the message pool refused the top-up of " + amount + " from " + w.funding()
                + " (message " + sent.id() + "): " + sent.error());
            return;
        }
        store.toppedUp(w.address(), now, sent.id(), "");
        audit.record(Actor.system(), "watermark.top-up", w.address().toString(), Outcome.SUCCESS, "sent " + amount + " from "
            + w.funding() + " (balance " + balance + " below low " + w.low() + ", up to high " + w.high() + "); message "
            + sent.id() + " " + sent.cid());
        log.info("watermark: topping up {} with {} from {} (message {})", w.address(), amount, w.funding(), sent.id());
    }

    /** Why the funding address cannot pay now, checked before anything is signed. */
    private Optional<String> refusal(Watermark w, TokenAmount amount) {
        if (!wallets.has(w.funding())) {
            return Optional.of("the key of the funding address " + w.funding() + " is not in this node's wallet; import it"
                + " or choose another funding address");
        }
        if (wallets.lockState() != LockState.UNLOCKED) {
            return Optional.of("the wallet store is locked; unlock it so the node can sign");
        }
        TokenAmount funds = chain.walletBalance(w.funding());
        if (funds.compareTo(amount) <= 0) {
            return Optional.of("the funding address " + w.funding() + " has " + funds + ", not enough for " + amount
                + " plus the message fee; fund it");
        }
        return Optional.empty();
    }

    /** Raises (or refreshes) the alert; writes last_error and an audit entry only when the reason changes. */
    private void cannot(Watermark w, TokenAmount balance, Severity severity, String why) {
        alerts.raise(ALERT_PREFIX + w.address(), severity, "wallet", "cannot top up " + w.address() + " (balance " + balance
            + " is below its low mark " + w.low() + "): " + why);
        if (!why.equals(w.lastError())) {
            store.lastError(w.address(), why);
            audit.record(Actor.system(), "watermark.top-up", w.address().toString(), Outcome.FAILED, why);
        }
    }
}

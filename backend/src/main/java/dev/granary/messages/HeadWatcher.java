package dev.granary.messages;

import dev.granary.auth.Actor;
import dev.granary.audit.Outcome;
import dev.granary.chain.ChainApi;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.mpool.MessageRejectedException;
import dev.granary.errors.NotFoundException;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.wallet.WalletLockedException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens at each new head (and once at start, which is the restart rule):
 * <ol>
 * <li>RECORDED messages (signed, never confirmed pushed: a crash came between) are pushed again, by
 *     sender and nonce, with the same signed bytes;</li>
 * <li>PUSHED messages found executed under their current CID or any earlier one become EXECUTED (exit
 *     code 0) or FAILED; one the pool lost is pushed again; one waiting longer than
 *     messages.replace-after-epochs is replaced by fee, or the reason it cannot be is recorded and alerted;</li>
 * <li>EXECUTED messages with messages.confidence tipsets on top become CONFIRMED.</li>
 * </ol>
 * Runs on the message service's own head-listener thread (ChainNotify; the start-up call on the caller's),
 * one head at a time, beside REST sends and replaces: each message is handled under its sender's lock and
 * re-read inside it, so one a request is sending or replacing meanwhile is seen in its new state; a
 * failure on one is logged without stopping the others.
 */
final class HeadWatcher {

    private static final Logger log = LoggerFactory.getLogger(HeadWatcher.class);

    private final MessageService service;
    private final MessageStore store;
    private final ChainApi chain;

    HeadWatcher(MessageService service) {
        this.service = service;
        this.store = service.store();
        this.chain = service.chain();
    }

    synchronized void process(long height) {
        for (StoredMessage m : store.inState(MessageState.RECORDED)) {
            underLock(m, MessageState.RECORDED, fresh -> resumeRecorded(fresh, height));
        }
        List<StoredMessage> pushed = store.inState(MessageState.PUSHED);
        if (!pushed.isEmpty()) {
            Set<Cid> pool = new HashSet<>();
            chain.mpoolPending().forEach(s -> pool.add(s.cid()));
            for (StoredMessage m : pushed) {
                underLock(m, MessageState.PUSHED, fresh -> followPushed(fresh, height, pool));
            }
        }
        for (StoredMessage m : store.inState(MessageState.EXECUTED)) {
            // the execution epoch never changes once EXECUTED: only a deep enough one is worth the lock and re-read
            if (deepEnough(m.view().executedEpoch().orElse(height), height)) {
                underLock(m, MessageState.EXECUTED, fresh -> {
                    store.markConfirmed(fresh.id());
                    service.changed();
                });
            }
        }
    }

    private void underLock(StoredMessage m, MessageState expected, Consumer<StoredMessage> action) {
        ReentrantLock lock = service.lockOf(m.view().from());
        lock.lock();
        try {
            Optional<StoredMessage> fresh = store.byId(m.id());
            if (fresh.isPresent() && fresh.get().state() == expected) {
                action.accept(fresh.get());
            }
        } catch (RuntimeException e) {
            log.warn("following outgoing message {} ({}): {}", m.id(), expected.id(), e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Restart rule of RECORDED: already in the pool or on chain → PUSHED; otherwise push the same bytes. */
    private void resumeRecorded(StoredMessage m, long height) {
        if (knownToChain(m.view().cid())) {
            store.markPushed(m.id(), height);
            service.changed();
            log.info("recorded message {} (from {}, nonce {}) was already pushed before the restart", m.id(),
                m.view().from(), m.view().nonce());
            return;
        }
        OutgoingMessage result = service.push(m);
        log.info("re-pushed recorded message {} (from {}, nonce {}): {}", m.id(), m.view().from(), m.view().nonce(),
            result.state().id());
        service.audit().record(Actor.system(), "messages.resume", "message " + m.id(),
            result.state() == MessageState.REJECTED ? Outcome.FAILED : Outcome.SUCCESS,
            "pushed again after a restart (nonce " + m.view().nonce() + ", CID " + m.view().cid() + "): "
                + result.state().id() + (result.error().isEmpty() ? "" : "; " + result.error()));
    }

    private void followPushed(StoredMessage m, long height, Set<Cid> pool) {
        // a never-replaced message has one CID: no need to read its (empty) replacement history every head
        List<Cid> cids = m.view().replacements() == 0 ? List.of(m.view().cid()) : store.allCids(m);
        for (Cid cid : cids) {
            Optional<MessageLookup> found = chain.stateSearchMsg(cid);
            if (found.isPresent()) {
                executed(m, found.get(), height);
                return;
            }
        }
        if (!pool.contains(m.view().cid())) {
            notInPool(m, cids, pool);
            return;
        }
        long waited = height - m.view().pushedEpoch().orElse(height);
        if (waited >= service.config().replaceAfterEpochs()) {
            replaceStuck(m, waited, height);
        }
    }

    private void executed(StoredMessage m, MessageLookup lookup, long height) {
        MessageState state = lookup.receipt().exitCode() == 0 ? MessageState.EXECUTED : MessageState.FAILED;
        store.markExecuted(m.id(), lookup, state);
        log.info("message {} (from {}, nonce {}) executed at height {} as {} with exit code {}", m.id(),
            m.view().from(), m.view().nonce(), lookup.height(), lookup.message(), lookup.receipt().exitCode());
        service.resolveBlockedAlert(m.id(), "executed at height " + lookup.height());
        if (state == MessageState.EXECUTED && deepEnough(lookup.height(), height)) {
            store.markConfirmed(m.id());
        }
        service.changed();
    }

    /** messages.confidence tipsets on top of the execution epoch. */
    private boolean deepEnough(long executedAt, long height) {
        return height - executedAt >= service.config().confidence();
    }

    /**
     * Not pending and not executed: included in the head (executed with the next tipset) → wait; an earlier
     * CID still pending (a crash came between recording a replacement and pushing it) → push the
     * replacement; its nonce taken by a message this node did not send → FAILED; otherwise the pool lost
     * it → push it again.
     */
    private void notInPool(StoredMessage m, List<Cid> cids, Set<Cid> pool) {
        boolean earlierPending = false;
        for (Cid cid : cids) {
            if (pool.contains(cid)) {
                earlierPending = true;
            } else if (knownToChain(cid)) {
                return;
            }
        }
        if (earlierPending) {
            pushAgain(m, "its recorded replacement was not in the pool (pushed again)");
            return;
        }
        long next = chain.mpoolGetNonce(m.view().from());
        if (Long.compareUnsigned(next, m.view().nonce()) > 0) {
            String why = "nonce " + m.view().nonce() + " of " + m.view().from()
                + " was used by a message this node did not send (none of its CIDs is on chain)";
            store.markLost(m.id(), why);
            service.audit().record(Actor.system(), "messages.lost", "message " + m.id(), Outcome.FAILED, why);
            service.changed();
            return;
        }
        pushAgain(m, "the pool no longer had it");
    }

    /** Pushes the message's current signed bytes again; a refusal is noted on the message. */
    private void pushAgain(StoredMessage m, String why) {
        SignedMessage signed = m.signed();
        try {
            chain.mpoolPush(signed);
            store.setError(m.id(), "");
            log.info("re-pushed message {} (from {}, nonce {}): {}", m.id(), m.view().from(), m.view().nonce(), why);
        } catch (MessageRejectedException e) {
            store.setError(m.id(), why + "; the pool refused it: " + e.getMessage());
        }
        service.changed();
    }

    private void replaceStuck(StoredMessage m, long waited, long height) {
        FeePlanner.Plan plan = service.fees().automatic(m.signed().message(), m.maxFee(), chain.chainStatus().baseFee());
        if (plan.blocked()) {
            blocked(m, plan.blockedBecause());
            return;
        }
        String reason = "not executed " + waited + " epochs after it was pushed (messages.replace-after-epochs = "
            + service.config().replaceAfterEpochs() + ")";
        try {
            service.replaceWith(m, plan, Actor.system(), reason, height);
        } catch (MessageRejectedException e) {
            // recorded on the message and audited by replaceWith; retried after another replace-after-epochs
            service.raiseBlockedAlert(m.view(), "the message pool refused the replacement: " + e.getMessage());
        } catch (WalletLockedException e) {
            blocked(m, "the wallet is locked (" + e.getMessage() + "); unlock it so the node can sign the replacement");
        }
    }

    /** Records why a stuck message was not replaced: on the message, once in the audit log, and as an alert. */
    private void blocked(StoredMessage m, String why) {
        String note = "not replaced: " + why;
        if (!note.equals(m.view().error())) {
            store.setError(m.id(), note);
            service.audit().record(Actor.system(), "messages.replace", "message " + m.id(), Outcome.FAILED, note);
            log.warn("message {} (from {}, nonce {}) is stuck and {}", m.id(), m.view().from(), m.view().nonce(), note);
        }
        service.raiseBlockedAlert(m.view(), why);
    }

    /** In the pool or in a block (ChainGetMessage answers for both). */
    private boolean knownToChain(Cid cid) {
        try {
            chain.chainGetMessage(cid);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}

package dev.granary.messages;

import dev.granary.audit.AuditLog;
import dev.granary.audit.Page;
import dev.granary.auth.Actor;
import dev.granary.chain.ChainApi;
import dev.granary.multiformats.Cid;
import dev.granary.node.NodeConfig;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;

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

    MessageService() {
    }

    /** Starts the service: resends RECORDED messages, then watches heads for inclusion and replacement. */
    public static MessageService start(Jdbi jdbi, NodeConfig.Messages config, ChainApi chain, WalletService wallets,
                                       AuditLog audit, Clock clock) {
        return new MessageService();
    }

    /** SIGN. Records, signs and pushes; returns at once (state PUSHED, or REJECTED with the reason). */
    public OutgoingMessage send(Actor actor, SendRequest request) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** READ. Waits until the message is CONFIRMED, FAILED or REJECTED. */
    public OutgoingMessage await(Actor actor, long id, Duration timeout) throws InterruptedException, TimeoutException {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** READ. NotFoundException when no such message. */
    public OutgoingMessage get(Actor actor, long id) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** READ. By any CID it was pushed under (original or replacement). */
    public Optional<OutgoingMessage> findByCid(Actor actor, Cid cid) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** READ. Newest first. */
    public Page<OutgoingMessage> list(Actor actor, MessageQuery query) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** SIGN, audited. Replaces a PUSHED message by fee; ConflictException when it is no longer pending. */
    public OutgoingMessage replace(Actor actor, long id, ReplaceRequest request) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    /** READ. Oldest first. */
    public List<Replacement> replacements(Actor actor, long id) {
        throw new UnsupportedOperationException("message service: not built yet");
    }

    @Override
    public void close() {
    }
}

package dev.granary.wallet.watermark;

import dev.granary.address.Address;
import dev.granary.alerts.Alerts;
import dev.granary.audit.AuditLog;
import dev.granary.auth.Actor;
import dev.granary.chain.ChainApi;
import dev.granary.fil.TokenAmount;
import dev.granary.messages.MessageService;
import dev.granary.node.NodeConfig;
import dev.granary.wallet.WalletService;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Balance watermarks: on each new head, every address below its low mark is topped up to its high mark
 * from its funding address (at most once per wallet.top-up-interval, audited); when that cannot be done
 * an alert is raised, and resolved once the balance is back.
 *
 * <p>Permissions: list needs READ; set and remove need SIGN.
 *
 * <p>CONTRACT: the REST layer and the dashboard code against these signatures.
 */
public final class Watermarks implements AutoCloseable {

    Watermarks() {
    }

    public static Watermarks start(Jdbi jdbi, NodeConfig.Wallet config, ChainApi chain, WalletService wallets,
                                   MessageService messages, Alerts alerts, AuditLog audit, Clock clock) {
        return new Watermarks();
    }

    /** READ. */
    public List<Watermark> list(Actor actor) {
        throw new UnsupportedOperationException("watermarks: not built yet");
    }

    /** SIGN, audited. low < high; the funding address must be in the wallet and differ from {@code address}. */
    public Watermark set(Actor actor, Address address, TokenAmount low, TokenAmount high, Address funding) {
        throw new UnsupportedOperationException("watermarks: not built yet");
    }

    /** SIGN, audited. */
    public void remove(Actor actor, Address address) {
        throw new UnsupportedOperationException("watermarks: not built yet");
    }

    @Override
    public void close() {
    }
}

package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import dev.granary.messages.MessageState;
import dev.granary.messages.OutgoingMessage;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.FieldCard;

/**
 * One outgoing message followed until it is done: its id, state, CID (which changes with each
 * replacement), nonce and result. It re-reads the message at every poll of the page it is on (the
 * Wallets and Control wallets views poll) and stops once the state is final, so the person waiting
 * sees the message reach CONFIRMED, FAILED or REJECTED without reloading anything.
 */
public final class MessageProgress extends Div {

    private final long messageId;
    private final String idPrefix;
    private final FieldCard card;
    private final Runnable onFinal;
    private Registration poll;
    private OutgoingMessage shown;

    /** {@code onFinal} runs once when the message reaches a final state (to refresh the page behind). */
    public MessageProgress(String idPrefix, OutgoingMessage message, Runnable onFinal) {
        this.messageId = message.id();
        this.idPrefix = idPrefix;
        this.onFinal = onFinal;
        this.card = new FieldCard("Message " + message.id(), idPrefix);
        add(card);
        show(message);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
    }

    private void refresh() {
        if (shown.state().done()) {
            return;
        }
        try {
            show(AsUser.read(actor -> NodeAccess.node().messages().get(actor, messageId)));
        } catch (RuntimeException e) {
            // The page's own poll shows why reads fail; the last known state stays.
        }
    }

    private void show(OutgoingMessage m) {
        boolean becameFinal = m.state().done() && (shown == null || !shown.state().done());
        shown = m;
        Span state = MessageStates.badge(m.state());
        state.setId(idPrefix + "-state-badge");
        card.components("state", "State", state, new Span(" " + whatNow(m)));
        card.components("cid", "CID", ShortText.span(m.cid().toString()),
            ShortText.copyButton(idPrefix + "-copy-cid", "the message CID", m.cid().toString()));
        card.text("from", "From", m.from().toString());
        card.text("to", "To", m.to().toString());
        card.text("value", "Value", FilAmounts.readable(m.value())).setTitle(FilAmounts.exact(m.value()));
        card.text("nonce", "Nonce", Long.toUnsignedString(m.nonce()));
        card.text("replacements", "Replacements", m.replacements() == 0 ? "" : String.valueOf(m.replacements()));
        card.text("error", "Why", m.error() == null ? "" : m.error());
        if (becameFinal && onFinal != null && getParent().isPresent()) {
            onFinal.run();
        }
    }

    static String whatNow(OutgoingMessage m) {
        return switch (m.state()) {
            case RECORDED -> "recorded; the node is pushing it";
            case PUSHED -> "waiting for a block" + (m.pushedEpoch().isPresent() ? " (pushed at epoch " + m.pushedEpoch().getAsLong() + ")" : "");
            case EXECUTED -> "included" + (m.executedEpoch().isPresent() ? " at epoch " + m.executedEpoch().getAsLong() : "")
                + "; waiting for confirmation";
            case CONFIRMED -> m.executedEpoch().isPresent() ? "included at epoch " + m.executedEpoch().getAsLong() : "";
            case FAILED -> "failed on chain" + (m.exitCode().isPresent() ? " with exit code " + m.exitCode().getAsLong() : "");
            case REJECTED -> "refused by the pool; nothing was sent";
        };
    }

    static boolean pending(MessageState state) {
        return state == MessageState.RECORDED || state == MessageState.PUSHED;
    }
}

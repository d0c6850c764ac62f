package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.granary.auth.Permission;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.ReplaceRequest;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Confirm;
import dev.granary.ui.shell.IconButtons;
import dev.granary.ui.shell.Notices;
import dev.granary.ui.shell.Times;
import java.util.Comparator;
import java.util.List;

/**
 * The node's outgoing messages, pending ones first, then the most recent: state, nonce, CID and how
 * often each was replaced by fee. A click on a row lists its replacements; a pending one can be
 * replaced by hand (the node also does it by itself after messages.replace-after-epochs).
 */
final class OutgoingMessagesTable extends Div {

    static final String EMPTY = "The node has sent no messages yet.";

    private final Grid<OutgoingMessage> grid = new Grid<>();
    private final Span count = new Span();
    private final Runnable changed;

    OutgoingMessagesTable(Runnable changed) {
        this.changed = changed;
        count.setId("messages-pending-count");
        count.addClassName("granary-notice");
        H3 title = new H3("Outgoing messages ");
        title.add(count);
        grid.setId("messages-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(OutgoingMessage::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(OutgoingMessagesTable::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(OutgoingMessage::purpose).setHeader("Purpose").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> ShortText.shorten(m.from().toString())).setHeader("From")
            .setTooltipGenerator(m -> m.from().toString()).setAutoWidth(true);
        grid.addColumn(m -> ShortText.shorten(m.to().toString())).setHeader("To")
            .setTooltipGenerator(m -> m.to().toString()).setAutoWidth(true);
        grid.addColumn(m -> FilAmounts.readable(m.value())).setHeader("Value")
            .setTooltipGenerator(m -> FilAmounts.exact(m.value())).setAutoWidth(true);
        grid.addColumn(m -> Long.toUnsignedString(m.nonce())).setHeader("Nonce").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(OutgoingMessagesTable::cid).setHeader("CID").setAutoWidth(true);
        grid.addColumn(OutgoingMessage::replacements).setHeader("Replaced").setAutoWidth(true).setFlexGrow(0)
            .setTooltipGenerator(m -> "Replaced by fee " + m.replacements() + " time(s); click the row for the history");
        grid.addColumn(m -> Times.utcMinutes(m.createdAt())).setHeader("Created (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> new ReplacementsDialog(e.getItem()).open());
        add(title, grid);
        setWidthFull();
    }

    void show(List<OutgoingMessage> messages) {
        List<OutgoingMessage> ordered = messages.stream()
            .sorted(Comparator.comparing((OutgoingMessage m) -> m.state().done()).thenComparing(OutgoingMessage::id, Comparator.reverseOrder()))
            .toList();
        long pending = ordered.stream().filter(m -> !m.state().done()).count();
        count.setText(pending == 1 ? "1 pending" : pending + " pending");
        grid.setItems(ordered);
    }

    private static Component state(OutgoingMessage m) {
        Span badge = MessageStates.badge(m.state());
        badge.setId("message-state-" + m.id());
        return badge;
    }

    private static Component cid(OutgoingMessage m) {
        HorizontalLayout cell = new HorizontalLayout(ShortText.span(m.cid().toString()),
            ShortText.copyButton("message-copy-cid-" + m.id(), "the CID of message " + m.id(), m.cid().toString()));
        cell.setSpacing(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private Component actions(OutgoingMessage m) {
        if (!MessageProgress.pending(m.state()) || !Gate.may(Permission.SIGN)) {
            return new Span();
        }
        return IconButtons.of(VaadinIcon.ARROW_CIRCLE_UP, "Replace by fee now", "message-replace-" + m.id(),
            e -> Confirm.ask("Replace message " + m.id(),
                "The node signs message " + m.id() + " again with the same nonce and a higher premium (raised by"
                    + " messages.replace-premium-factor), its fee capped at messages.max-fee, and pushes it in place of "
                    + ShortText.shorten(m.cid().toString()) + ". Whichever version a block takes is the one that counts.",
                "Replace", () -> AsUser.call(actor -> NodeAccess.node().messages().replace(actor, m.id(),
                        ReplaceRequest.automatic("replaced from the dashboard")))
                    .ifPresent(replaced -> {
                        Notices.success("Message " + m.id() + " replaced: now " + ShortText.shorten(replaced.cid().toString()) + ".");
                        changed.run();
                    })));
    }
}

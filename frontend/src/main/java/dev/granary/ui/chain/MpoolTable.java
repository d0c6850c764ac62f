package dev.granary.ui.chain;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dev.granary.message.Message;
import dev.granary.message.SignedMessage;
import java.util.Comparator;
import java.util.List;

/** Messages waiting in the pool, by sender and nonce (the order a sender's messages can be included in). */
final class MpoolTable extends Div {

    static final String EMPTY = "The message pool is empty: every message sent has been included in a block.";

    private final Grid<SignedMessage> grid = new Grid<>();
    private final Span count = new Span();

    MpoolTable() {
        count.setId("chain-mpool-count");
        count.addClassName("granary-notice");
        H3 title = new H3("Message pool ");
        title.add(count);
        grid.setId("chain-mpool-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(m -> ShortText.shorten(m.message().from().toString())).setHeader("From")
            .setTooltipGenerator(m -> m.message().from().toString()).setAutoWidth(true);
        grid.addColumn(m -> ShortText.shorten(m.message().to().toString())).setHeader("To")
            .setTooltipGenerator(m -> m.message().to().toString()).setAutoWidth(true);
        grid.addColumn(m -> Long.toUnsignedString(m.message().nonce())).setHeader("Nonce").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> FilAmounts.readable(m.message().value())).setHeader("Value")
            .setTooltipGenerator(m -> FilAmounts.exact(m.message().value())).setAutoWidth(true);
        grid.addColumn(m -> method(m.message())).setHeader("Method").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> FilAmounts.readable(m.message().gasPremium())).setHeader("Premium")
            .setTooltipGenerator(m -> FilAmounts.exact(m.message().gasPremium())).setAutoWidth(true);
        grid.addColumn(m -> FilAmounts.readable(m.message().gasFeeCap())).setHeader("Fee cap")
            .setTooltipGenerator(m -> FilAmounts.exact(m.message().gasFeeCap())).setAutoWidth(true);
        grid.addColumn(m -> ShortText.shorten(m.cid().toString())).setHeader("CID")
            .setTooltipGenerator(m -> m.cid().toString()).setAutoWidth(true);
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
        add(title, grid);
        setWidthFull();
    }

    void show(List<SignedMessage> pending) {
        List<SignedMessage> ordered = pending.stream()
            .sorted(Comparator.<SignedMessage, String>comparing(m -> m.message().from().toString())
                .thenComparing(m -> m.message().nonce(), Long::compareUnsigned))
            .toList();
        count.setText(ordered.size() == 1 ? "1 message waiting" : ordered.size() + " messages waiting");
        grid.setItems(ordered);
    }

    /** Method 0 is a plain transfer on every actor; other numbers mean something only on their actor. */
    static String method(Message message) {
        return message.method() == 0 ? "0 (send)" : Long.toUnsignedString(message.method());
    }
}

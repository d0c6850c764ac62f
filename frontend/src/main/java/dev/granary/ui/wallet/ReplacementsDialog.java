package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.granary.messages.OutgoingMessage;
import dev.granary.messages.Replacement;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Times;

/** One message's replace-by-fee history, oldest first: which CID replaced which, at what premium, why, by whom. */
final class ReplacementsDialog extends Dialog {

    static final String EMPTY = "Never replaced: the message still has the CID it was first pushed with.";

    ReplacementsDialog(OutgoingMessage message) {
        setId("replacements-dialog");
        setHeaderTitle("Message " + message.id() + " (" + message.purpose() + ", nonce " + Long.toUnsignedString(message.nonce()) + ")");
        setWidth("1100px");
        Grid<Replacement> grid = new Grid<>();
        grid.setId("replacements-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> Times.utc(r.at())).setHeader("At (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Replacement::epoch).setHeader("Epoch").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> ShortText.shorten(r.oldCid().toString())).setHeader("Old CID")
            .setTooltipGenerator(r -> r.oldCid().toString()).setAutoWidth(true);
        grid.addColumn(r -> ShortText.shorten(r.newCid().toString())).setHeader("New CID")
            .setTooltipGenerator(r -> r.newCid().toString()).setAutoWidth(true);
        grid.addColumn(r -> FilAmounts.readable(r.oldPremium()) + " → " + FilAmounts.readable(r.newPremium()))
            .setHeader("Premium").setAutoWidth(true);
        grid.addColumn(r -> FilAmounts.readable(r.oldFeeCap()) + " → " + FilAmounts.readable(r.newFeeCap()))
            .setHeader("Fee cap").setAutoWidth(true);
        grid.addColumn(Replacement::reason).setHeader("Why").setAutoWidth(true);
        grid.addColumn(Replacement::actor).setHeader("By").setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
        AsUser.call(actor -> NodeAccess.node().messages().replacements(actor, message.id())).ifPresent(grid::setItems);
        add(grid);
        Button close = new Button("Close", e -> close());
        close.setId("replacements-close");
        getFooter().add(close);
    }
}

package dev.granary.ui.control;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.address.Address;
import dev.granary.auth.Permission;
import dev.granary.fil.TokenAmount;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Confirm;
import dev.granary.ui.shell.Notices;
import dev.granary.ui.shell.Times;
import dev.granary.ui.wallet.Gate;
import dev.granary.ui.shell.IconButtons;
import dev.granary.wallet.watermark.Watermark;
import java.util.List;
import java.util.Optional;

/**
 * Balance watermarks: below the low mark the node tops an address up to the high mark from its
 * funding address (at most once per wallet.top-up-interval) and raises an alert when it cannot.
 * They are the node's, not one miner's, so they show whichever miner is chosen.
 */
final class WatermarksTable extends Div {

    static final String EMPTY = "No watermarks: no address is topped up automatically.";

    private final Grid<Watermark> grid = new Grid<>();
    private final Runnable changed;

    WatermarksTable(Runnable changed) {
        this.changed = changed;
        Button add = new Button("Set watermark", VaadinIcon.PLUS.create(), e -> openEditor(Optional.empty()));
        add.setId("watermark-new");
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        grid.setId("watermarks-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(w -> ShortText.shorten(w.address().toString())).setHeader("Address")
            .setTooltipGenerator(w -> w.address().toString()).setAutoWidth(true);
        grid.addColumn(w -> FilAmounts.readable(w.low())).setHeader("Low").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> FilAmounts.readable(w.high())).setHeader("High").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> ShortText.shorten(w.funding().toString())).setHeader("Funded from")
            .setTooltipGenerator(w -> w.funding().toString()).setAutoWidth(true);
        grid.addColumn(w -> w.lastTopUp().map(Times::utcMinutes).orElse("never")
                + w.lastMessageId().map(id -> " (message " + id + ")").orElse(""))
            .setHeader("Last top-up (UTC)").setAutoWidth(true);
        grid.addComponentColumn(WatermarksTable::lastError).setHeader("Last problem").setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setEmptyStateText(EMPTY);
        grid.setAllRowsVisible(true);
        H3 title = new H3("Balance watermarks");
        add(title, Gate.onlyFor(Permission.SIGN, add), grid);
        setWidthFull();
    }

    void show(List<Watermark> watermarks) {
        grid.setItems(watermarks);
    }

    private static Component lastError(Watermark w) {
        Span text = new Span(w.lastError() == null ? "" : w.lastError());
        if (w.lastError() != null && !w.lastError().isBlank()) {
            text.addClassName("granary-error");
        }
        return text;
    }

    private Component actions(Watermark w) {
        if (!Gate.may(Permission.SIGN)) {
            return new Span();
        }
        Button edit = IconButtons.of(VaadinIcon.EDIT, "Change this watermark", "watermark-edit-" + w.address(),
            e -> openEditor(Optional.of(w)));
        Button remove = IconButtons.of(VaadinIcon.TRASH, "Remove this watermark", "watermark-remove-" + w.address(),
            e -> Confirm.ask("Remove the watermark of " + w.address(),
                "The node stops topping up " + w.address() + "; its balance stays as it is.", "Remove", () -> {
                    if (AsUser.run(actor -> NodeAccess.node().watermarks().remove(actor, w.address()))) {
                        Notices.success("Watermark of " + w.address() + " removed.");
                        changed.run();
                    }
                }));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new Div(edit, remove);
    }

    private void openEditor(Optional<Watermark> existing) {
        Dialog dialog = new Dialog();
        dialog.setId("watermark-dialog");
        dialog.setHeaderTitle(existing.map(w -> "Watermark of " + w.address()).orElse("New watermark"));
        TextField address = new TextField("Address");
        address.setId("watermark-address");
        existing.ifPresent(w -> {
            address.setValue(w.address().toString());
            address.setReadOnly(true);
        });
        TextField low = new TextField("Low mark");
        low.setId("watermark-low");
        low.setHelperText("Below this the node tops the address up, e.g. 5 FIL");
        TextField high = new TextField("High mark");
        high.setId("watermark-high");
        high.setHelperText("Topped up to this");
        TextField funding = new TextField("Funded from");
        funding.setId("watermark-funding");
        funding.setHelperText("An address of this wallet, not the one topped up");
        existing.ifPresent(w -> {
            low.setValue(FilAmounts.exact(w.low()));
            high.setValue(FilAmounts.exact(w.high()));
            funding.setValue(w.funding().toString());
        });
        if (existing.isEmpty()) {
            defaultAddress().ifPresent(a -> funding.setValue(a.toString()));
        }
        FormLayout form = new FormLayout(address, funding, low, high);
        Paragraph note = new Paragraph("Each top-up is a message from the funding address, recorded in the audit log;"
            + " the node sends at most one per wallet.top-up-interval and raises an alert when it cannot.");
        note.addClassName("granary-notice");
        dialog.add(form, note);
        dialog.setWidth("680px");
        Button save = new Button("Save", e -> {
            if (AsUser.run(actor -> NodeAccess.node().watermarks().set(actor, Address.parse(address.getValue().strip()),
                TokenAmount.parse(low.getValue()), TokenAmount.parse(high.getValue()),
                Address.parse(funding.getValue().strip())))) {
                Notices.success("Watermark of " + address.getValue().strip() + " saved.");
                dialog.close();
                changed.run();
            }
        });
        save.setId("watermark-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    /** The wallet's default key, the usual funding address; none when the store cannot say. */
    private static Optional<Address> defaultAddress() {
        try {
            return NodeAccess.node().wallets().defaultAddress();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

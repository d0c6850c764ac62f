package dev.granary.ui.control;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.granary.address.Address;
import dev.granary.control.ControlOverview;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Badge;

/**
 * A miner's controlling addresses as {@code lotus-miner actor control list} shows them: each ID with
 * its roles, the key behind it, its balance and whether this node holds that key. Cells carry ids
 * ending in the ID address ({@code control-roles-f01001}).
 */
final class AddressesTable extends Grid<ControlOverview.Entry> {

    AddressesTable() {
        setId("control-addresses-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        addComponentColumn(AddressesTable::roles).setHeader("Roles").setAutoWidth(true);
        addColumn(e -> e.idAddress().toString()).setHeader("ID").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(AddressesTable::key).setHeader("Key address").setAutoWidth(true);
        addComponentColumn(AddressesTable::balance).setHeader("Balance").setAutoWidth(true);
        addComponentColumn(AddressesTable::inWallet).setHeader("Key in this wallet").setAutoWidth(true).setFlexGrow(0);
        setAllRowsVisible(true);
    }

    void show(ControlOverview overview) {
        setItems(overview.addresses());
        recalculateColumnWidths();
    }

    private static Component roles(ControlOverview.Entry entry) {
        Div badges = new Div();
        badges.addClassName("granary-badges");
        badges.setId("control-roles-" + entry.idAddress());
        entry.roles().forEach(role -> badges.add(Badge.of(role, role.equals("owner") || role.equals("worker")
            ? Badge.Tone.GOOD : Badge.Tone.PLAIN)));
        return badges;
    }

    private static Component key(ControlOverview.Entry entry) {
        Address shown = entry.keyAddress().orElse(entry.idAddress());
        Span text = ShortText.span(shown.toString());
        text.setId("control-key-" + entry.idAddress());
        HorizontalLayout cell = new HorizontalLayout(text,
            ShortText.copyButton("control-copy-" + entry.idAddress(), "the address " + ShortText.shorten(shown.toString()),
                shown.toString()));
        cell.setSpacing(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private static Component balance(ControlOverview.Entry entry) {
        Span value = new Span(FilAmounts.readable(entry.balance()));
        value.setTitle(FilAmounts.exact(entry.balance()));
        value.setId("control-balance-" + entry.idAddress());
        return value;
    }

    private static Component inWallet(ControlOverview.Entry entry) {
        Span badge = entry.inWallet() ? Badge.of("yes", Badge.Tone.GOOD) : Badge.of("no", Badge.Tone.PLAIN);
        badge.setTitle(entry.inWallet() ? "This node can sign for it" : "Its key is elsewhere: import it to sign here");
        return badge;
    }
}

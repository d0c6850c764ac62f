package dev.granary.ui.control;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.granary.address.Address;
import dev.granary.control.AddressChoice;
import dev.granary.control.Candidate;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Badge;
import java.util.List;
import java.util.Optional;

/**
 * For each kind of miner message, the address that sends the next one and why, as Lotus' address
 * selector decides it. A click on a row opens every candidate considered, in order, with its verdict.
 * The sender cell's id is {@code control-sender-<use>} ("control-sender-post").
 */
final class SenderTable extends Grid<AddressChoice> {

    SenderTable() {
        setId("control-senders-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        addColumn(c -> c.use().label()).setHeader("Message").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(SenderTable::sender).setHeader("Next sender").setAutoWidth(true);
        addColumn(AddressChoice::reason).setHeader("Why").setFlexGrow(1)
            .setTooltipGenerator(AddressChoice::reason);
        setItemDetailsRenderer(new ComponentRenderer<>(SenderTable::candidates));
        setDetailsVisibleOnClick(true);
        setAllRowsVisible(true);
    }

    void show(List<AddressChoice> choices) {
        setItems(choices);
    }

    private static Component sender(AddressChoice choice) {
        Span cell = choice.chosen().map(a -> {
                Span chosen = new Span(describeChosen(choice, a, true));
                chosen.setTitle(describeChosen(choice, a, false));
                return chosen;
            })
            .orElseGet(() -> Badge.of("no sender", Badge.Tone.BAD));
        cell.setId("control-sender-" + choice.use().id());
        return cell;
    }

    /** "f01002 (f1abc…)": the ID the chain knows, and the key a person recognises. */
    static String describe(Address address, Optional<Address> key) {
        return key.filter(k -> !k.equals(address)).map(k -> address + " (" + k + ")").orElse(address.toString());
    }

    /**
     * The chosen address as its candidate knew it, so the cell shows ID and key whichever of the two was
     * chosen; {@code shortKey} shortens the key (the tooltip has it whole).
     */
    private static String describeChosen(AddressChoice choice, Address chosen, boolean shortKey) {
        return choice.candidates().stream()
            .filter(c -> c.address().equals(chosen) || c.keyAddress().map(chosen::equals).orElse(false))
            .findFirst()
            .map(c -> c.keyAddress().filter(k -> !k.equals(c.address()))
                .map(k -> c.address() + " (" + (shortKey ? ShortText.shorten(k.toString()) : k.toString()) + ")")
                .orElse(c.address().toString()))
            .orElse(chosen.toString());
    }

    private static Component candidates(AddressChoice choice) {
        Grid<Candidate> grid = new Grid<>();
        grid.setId("control-candidates-" + choice.use().id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(c -> describe(c.address(), c.keyAddress())).setHeader("Candidate").setAutoWidth(true);
        grid.addColumn(Candidate::source).setHeader("From").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> FilAmounts.readable(c.balance())).setHeader("Balance").setAutoWidth(true).setFlexGrow(0)
            .setTooltipGenerator(c -> FilAmounts.exact(c.balance()));
        grid.addColumn(c -> c.inWallet() ? "yes" : "no").setHeader("Key here").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Candidate::verdict).setHeader("Verdict").setFlexGrow(1).setTooltipGenerator(Candidate::verdict);
        grid.setItems(choice.candidates());
        grid.setEmptyStateText("No address was considered: the miner has no owner or worker this node knows of.");
        grid.setAllRowsVisible(true);
        return grid;
    }
}

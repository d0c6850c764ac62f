package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.granary.auth.Permission;
import dev.granary.fil.TokenAmount;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.IconButtons;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.WalletEntry;
import java.util.List;
import java.util.function.Consumer;

/**
 * The keys of the store with what the chain says about them, and what can be done to each. Cells carry
 * ids ending in the key's address ({@code wallet-balance-f1…}), so a test or a script finds a key's row.
 */
final class KeyGrid extends Grid<WalletEntry> {

    static final String EMPTY = "No keys yet. Create one with New wallet, or import a Lotus export.";

    private final Runnable changed;
    private final Consumer<WalletEntry> sendFrom;

    KeyGrid(Runnable changed, Consumer<WalletEntry> sendFrom) {
        this.changed = changed;
        this.sendFrom = sendFrom;
        setId("wallets-grid");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        addComponentColumn(KeyGrid::address).setHeader("Address").setAutoWidth(true).setFlexGrow(0);
        addColumn(k -> k.idAddress().map(Object::toString).orElse("—")).setHeader("ID")
            .setTooltipGenerator(k -> k.idAddress().isPresent() ? "" : "No account on chain yet: it is created when the address first receives FIL")
            .setAutoWidth(true).setFlexGrow(0);
        addColumn(k -> k.type().lotusName()).setHeader("Type").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(this::label).setHeader("Label").setAutoWidth(true);
        addComponentColumn(KeyGrid::defaultBadge).setHeader("Default").setAutoWidth(true).setFlexGrow(0);
        addComponentColumn(k -> amount("wallet-balance-", k, k.balance())).setHeader("Balance").setAutoWidth(true);
        addColumn(k -> Long.toUnsignedString(k.nonce())).setHeader("Nonce").setAutoWidth(true).setFlexGrow(0)
            .setTooltipGenerator(k -> "The next nonce, counting messages still in the pool");
        addComponentColumn(k -> amount("wallet-market-available-", k, k.market().available()))
            .setHeader("Market available").setAutoWidth(true);
        addComponentColumn(k -> amount("wallet-market-locked-", k, k.market().locked()))
            .setHeader("Market locked").setAutoWidth(true);
        addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        setEmptyStateText(EMPTY);
        setAllRowsVisible(true);
    }

    void show(List<WalletEntry> keys) {
        setItems(keys);
        recalculateColumnWidths();
    }

    private static Component address(WalletEntry key) {
        String address = key.address().toString();
        Span shortForm = ShortText.span(address);
        shortForm.setId("wallet-address-" + address);
        HorizontalLayout cell = new HorizontalLayout(shortForm,
            ShortText.copyButton("wallet-copy-" + address, "the address " + ShortText.shorten(address), address));
        cell.setSpacing(false);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private Component label(WalletEntry key) {
        Span text = new Span(key.label() == null ? "" : key.label());
        text.setId("wallet-label-" + key.address());
        if (!Gate.may(Permission.WRITE)) {
            return text;
        }
        Button edit = IconButtons.of(VaadinIcon.EDIT, "Change the label", "wallet-label-edit-" + key.address(),
            e -> new LabelDialog(key, changed).open());
        HorizontalLayout cell = new HorizontalLayout(text, edit);
        cell.setAlignItems(FlexComponent.Alignment.CENTER);
        return cell;
    }

    private static Component defaultBadge(WalletEntry key) {
        Span badge = key.isDefault() ? Badge.of("default", Badge.Tone.GOOD) : new Span();
        badge.setId("wallet-default-" + key.address());
        if (key.isDefault()) {
            badge.setTitle("Used when a command names no sender");
        }
        return badge;
    }

    private static Span amount(String idPrefix, WalletEntry key, TokenAmount amount) {
        Span value = new Span(FilAmounts.readable(amount));
        value.setTitle(FilAmounts.exact(amount));
        value.setId(idPrefix + key.address());
        return value;
    }

    private Component actions(WalletEntry key) {
        String address = key.address().toString();
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        if (Gate.may(Permission.SIGN)) {
            actions.add(IconButtons.of(VaadinIcon.PAPERPLANE, "Send FIL from this key", "wallet-send-from-" + address,
                e -> sendFrom.accept(key)));
            Button makeDefault = IconButtons.of(VaadinIcon.STAR, "Make this the default key", "wallet-set-default-" + address, e -> {
                if (AsUser.run(actor -> NodeAccess.node().wallets().setDefault(actor, key.address()))) {
                    Notices.success(address + " is now the default key.");
                    changed.run();
                }
            });
            makeDefault.setEnabled(!key.isDefault());
            actions.add(makeDefault);
        }
        if (Gate.may(Permission.ADMIN)) {
            actions.add(IconButtons.of(VaadinIcon.DOWNLOAD, "Export the private key", "wallet-export-" + address,
                e -> new ExportDialog(key).open()));
            Button delete = IconButtons.of(VaadinIcon.TRASH, "Delete the key", "wallet-delete-" + address,
                e -> new DeleteDialog(key, changed).open());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(delete);
        }
        return actions;
    }
}

package dev.granary.ui.wallet;

import dev.granary.ui.shell.SecretCopy;
import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import dev.granary.crypto.KeyFormat;
import dev.granary.ui.NodeAccess;
import dev.granary.wallet.WalletEntry;

/**
 * The only way a key leaves the store: an administrator confirms, the node records the export in the
 * audit log, and the key is shown once. Closing the dialog clears it from the page; nothing keeps it.
 */
final class ExportDialog extends Dialog {

    private final Select<KeyFormat> format = KeyFormats.select("export-format");

    ExportDialog(WalletEntry key) {
        setId("export-dialog");
        setHeaderTitle("Export the key of " + key.address());
        setWidth("760px");
        setCloseOnOutsideClick(false);
        Paragraph warning = new Paragraph("Whoever has this export can spend everything at " + key.address()
            + " and act for any miner it controls. The export is recorded in the audit log under your name."
            + " Show it only where no one else can read the screen.");
        warning.addClassName("granary-warning");
        add(warning, format);
        Button show = new Button("Show the key", e -> AsUser.call(actor ->
            NodeAccess.node().wallets().export(actor, key.address(), format.getValue())).ifPresent(this::showOnce));
        show.setId("export-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("export-cancel");
        getFooter().add(cancel, show);
    }

    private void showOnce(String exported) {
        removeAll();
        getFooter().removeAll();
        TextArea value = new TextArea(KeyFormats.describe(format.getValue()));
        value.setId("export-key");
        value.setValue(exported);
        value.setReadOnly(true);
        value.setWidthFull();
        HorizontalLayout row = new HorizontalLayout(value, SecretCopy.button("export-copy", "the key", exported));
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWidthFull();
        Paragraph warning = new Paragraph("Copy the key now and keep it offline: this is the only time the page shows it."
            + " 'lotus wallet import' and 'granary wallet import' read it back.");
        warning.addClassName("granary-warning");
        add(warning, row);
        Button done = new Button("Done", e -> close());
        done.setId("export-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                value.clear();
                removeAll();
            }
        });
    }
}

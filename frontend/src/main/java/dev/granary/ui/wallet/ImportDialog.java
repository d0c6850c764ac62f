package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.crypto.KeyFormat;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.shell.Notices;

/** Imports a key exported by Lotus (or by this node); the text is cleared whenever the dialog closes. */
final class ImportDialog extends Dialog {

    ImportDialog(Runnable onImported) {
        setId("import-dialog");
        setHeaderTitle("Import a key");
        Select<KeyFormat> format = KeyFormats.select("import-format");
        TextArea text = new TextArea("Key");
        text.setId("import-key");
        text.setHelperText("The output of 'lotus wallet export' (hex-lotus) or a KeyInfo JSON object (json-lotus)");
        text.setWidthFull();
        TextField label = new TextField("Label");
        label.setId("import-label");
        label.setHelperText("Optional");
        FormLayout form = new FormLayout(format, label, text);
        form.setColspan(text, 2);
        add(form);
        setWidth("640px");

        Button importKey = new Button("Import", e -> AsUser.call(actor ->
                NodeAccess.node().wallets().importKey(actor, format.getValue(), text.getValue(), label.getValue().strip()))
            .ifPresent(imported -> {
                Notices.success("Imported " + imported.address() + ".");
                close();
                onImported.run();
            }));
        importKey.setId("import-submit");
        importKey.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), importKey);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                text.clear();
            }
        });
    }
}

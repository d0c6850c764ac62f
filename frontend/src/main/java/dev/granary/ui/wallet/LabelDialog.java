package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.ShortText;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.WalletEntry;

/** Renames a key: the label is for people only and changes nothing on chain. */
final class LabelDialog extends Dialog {

    LabelDialog(WalletEntry key, Runnable onSaved) {
        setId("label-dialog");
        setHeaderTitle("Label of " + ShortText.shorten(key.address().toString()));
        TextField label = new TextField("Label");
        label.setId("label-value");
        label.setValue(key.label() == null ? "" : key.label());
        label.setWidthFull();
        add(label);
        setWidth("480px");
        Button save = new Button("Save", e -> {
            if (AsUser.run(actor -> NodeAccess.node().wallets().setLabel(actor, key.address(), label.getValue().strip()))) {
                Notices.success("Label saved.");
                close();
                onSaved.run();
            }
        });
        save.setId("label-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}

package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.crypto.KeyType;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.shell.Notices;
import java.util.List;

/** Creates a key in the store: BLS (f3, what Lotus suggests for owner and worker) or secp256k1 (f1). */
final class NewWalletDialog extends Dialog {

    NewWalletDialog(Runnable onCreated) {
        setId("new-wallet-dialog");
        setHeaderTitle("New wallet");
        Select<KeyType> type = new Select<>();
        type.setLabel("Key type");
        type.setId("new-wallet-type");
        type.setItems(List.of(KeyType.values()));
        type.setItemLabelGenerator(NewWalletDialog::describe);
        type.setValue(KeyType.BLS);
        TextField label = new TextField("Label");
        label.setId("new-wallet-label");
        label.setHelperText("Optional: what the key is for (\"worker\", \"PoSt control\")");
        add(new FormLayout(type, label));
        setWidth("560px");

        Button create = new Button("Create", e -> AsUser.call(actor ->
                NodeAccess.node().wallets().create(actor, type.getValue(), label.getValue().strip()))
            .ifPresent(created -> {
                Notices.success("Created " + created.address() + ".");
                close();
                onCreated.run();
            }));
        create.setId("new-wallet-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setDisableOnClick(true);
        create.addClickListener(e -> create.setEnabled(true));
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    static String describe(KeyType type) {
        return switch (type) {
            case BLS -> "bls (f3 address)";
            case SECP256K1 -> "secp256k1 (f1 address)";
        };
    }
}

package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.chain.FilAmounts;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.WalletEntry;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deletes a key after the administrator types its address. The owner or worker of a miner cannot be
 * deleted (the node refuses; the dialog says so before anyone types), since the miner would be stuck.
 */
final class DeleteDialog extends Dialog {

    DeleteDialog(WalletEntry key, Runnable onDeleted) {
        String address = key.address().toString();
        setId("delete-dialog");
        setHeaderTitle("Delete the key of " + address);
        setWidth("680px");
        List<WalletMiners.Role> roles = WalletMiners.ownedOrWorkedBy(NodeAccess.node().chain(), key.address());
        if (!roles.isEmpty()) {
            Paragraph refused = new Paragraph("This key cannot be deleted: it is the " + describe(roles)
                + ". The miner would have no key to sign with. Change its owner or worker first (Control wallets),"
                + " then delete the key.");
            refused.addClassName("granary-warning");
            refused.setId("delete-refused");
            add(refused);
        }
        Paragraph consequences = new Paragraph("Deleting removes the key from this node for good. The "
            + FilAmounts.readable(key.balance()) + " at the address stays on chain, but this node can no longer spend"
            + " it: export the key first if anyone may need it. Type the address to confirm.");
        TextField confirmation = new TextField("Address");
        confirmation.setId("delete-confirmation");
        confirmation.setWidthFull();
        confirmation.setPlaceholder(address);
        add(consequences, confirmation);

        Button delete = new Button("Delete key", e -> {
            if (AsUser.run(actor -> NodeAccess.node().wallets().delete(actor, key.address(), confirmation.getValue().strip()))) {
                Notices.success("Deleted the key of " + address + ".");
                close();
                onDeleted.run();
            }
        });
        delete.setId("delete-submit");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        // The node refuses an owner or worker anyway; the button says it before the round trip.
        delete.setEnabled(roles.isEmpty());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, delete);
    }

    private static String describe(List<WalletMiners.Role> roles) {
        return roles.stream().map(r -> String.join(" and ", r.roles()) + " of miner " + r.miner())
            .collect(Collectors.joining(", "));
    }
}

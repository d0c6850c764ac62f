package dev.granary.ui.wallet;

import dev.granary.ui.security.AsUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.shell.Notices;
import dev.granary.wallet.LockState;

/**
 * Gives the wallet store its passphrase. A NEW store takes the passphrase it is given as its own, so
 * it is typed twice; a LOCKED one checks it. The fields are cleared whenever the dialog closes.
 */
final class UnlockDialog extends Dialog {

    UnlockDialog(LockState state, Runnable onUnlocked) {
        boolean choosing = state == LockState.NEW;
        setId("unlock-dialog");
        setHeaderTitle(choosing ? "Choose the wallet passphrase" : "Unlock the wallet store");
        PasswordField passphrase = new PasswordField(choosing ? "New passphrase" : "Passphrase");
        passphrase.setId("unlock-passphrase");
        passphrase.setWidthFull();
        PasswordField repeat = new PasswordField("The same passphrase again");
        repeat.setId("unlock-repeat");
        repeat.setWidthFull();
        repeat.setVisible(choosing);
        Paragraph explanation = new Paragraph(choosing
            ? "The keys are encrypted with a key derived from this passphrase. The node never stores it: keep it"
                + " somewhere safe, since without it the keys cannot be used again after a restart."
            : "The node keeps the derived key in memory until someone locks the store or the node stops.");
        explanation.addClassName("granary-notice");
        add(explanation, new FormLayout(passphrase, repeat));
        setWidth("520px");

        Button unlock = new Button(choosing ? "Set passphrase and unlock" : "Unlock", e -> {
            if (choosing && !passphrase.getValue().equals(repeat.getValue())) {
                Notices.error("the two passphrases differ; type the same passphrase twice");
                return;
            }
            String given = passphrase.getValue();
            if (AsUser.run(actor -> NodeAccess.node().wallets().unlock(actor, given))) {
                Notices.success("The wallet store is unlocked.");
                close();
                onUnlocked.run();
            }
        });
        unlock.setId("unlock-submit");
        unlock.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        unlock.addClickShortcut(Key.ENTER);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, unlock);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                passphrase.clear();
                repeat.clear();
            }
        });
    }
}

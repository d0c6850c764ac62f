package dev.granary.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.granary.auth.User;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.shell.Notices;

/** Sets a temporary password; the node also ends the user's sessions. */
final class ResetPasswordDialog extends Dialog {

    ResetPasswordDialog(User user, Runnable onReset) {
        setHeaderTitle("Reset the password of " + user.username());
        setId("reset-password-dialog");
        PasswordWithGenerator password = new PasswordWithGenerator("Temporary password", "reset-password");
        add(new Paragraph(user.username() + " is signed out everywhere and must choose a new password at the next"
            + " sign-in."), password);
        setWidth("560px");

        Button reset = new Button("Reset password", e -> {
            if (AsUser.run(actor -> NodeAccess.node().auth().users().resetPassword(actor, user.username(), password.value()))) {
                Notices.success("Password of " + user.username() + " reset.");
                close();
                onReset.run();
            }
        });
        reset.setId("reset-password-save");
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button("Cancel", e -> close()), reset);
    }
}

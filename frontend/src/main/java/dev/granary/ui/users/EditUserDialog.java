package dev.granary.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.auth.User;
import dev.granary.auth.UserService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.shell.Notices;
import java.util.List;

/** Changes a user's role and miner scope; each change is its own audited call. */
final class EditUserDialog extends Dialog {

    EditUserDialog(User user, Runnable onChanged) {
        setHeaderTitle("Role and miners of " + user.username());
        setId("edit-user-dialog");
        Select<String> role = RoleSelect.create("edit-user-role");
        role.setValue(user.role().id());
        TextField miners = MinerField.create("edit-user-miners");
        miners.setValue(MinerList.format(user.miners()));
        add(new FormLayout(role, miners));
        setWidth("560px");

        Button save = new Button("Save", e -> {
            UserService users = NodeAccess.node().auth().users();
            List<String> newMiners = MinerList.parse(miners.getValue());
            boolean ok = true;
            if (!role.getValue().equals(user.role().id())) {
                ok = AsUser.run(actor -> users.setRole(actor, user.username(), role.getValue()));
            }
            if (ok && !newMiners.equals(user.miners())) {
                ok = AsUser.run(actor -> users.setMiners(actor, user.username(), newMiners));
            }
            if (ok) {
                Notices.success("Saved " + user.username() + ".");
                close();
            }
            onChanged.run();
        });
        save.setId("edit-user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}

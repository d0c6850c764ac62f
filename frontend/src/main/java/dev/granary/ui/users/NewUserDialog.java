package dev.granary.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.auth.Role;
import dev.granary.auth.UserService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.shell.Notices;

/** Creates a user with a temporary password, a role and optionally a miner scope. */
final class NewUserDialog extends Dialog {

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final Select<String> role = RoleSelect.create("new-user-role");
    private final TextField miners = MinerField.create("new-user-miners");
    private final PasswordWithGenerator password = new PasswordWithGenerator("Temporary password", "new-user-password");

    NewUserDialog(Runnable onCreated) {
        setHeaderTitle("New user");
        setId("new-user-dialog");
        username.setId("new-user-username");
        username.setHelperText("Lower-case letters, digits, '.', '_' or '-'");
        displayName.setId("new-user-display-name");
        displayName.setHelperText("Optional; the username if empty");
        role.setValue(Role.VIEWER.id());
        FormLayout form = new FormLayout(username, displayName, role, miners, password);
        form.setColspan(password, 2);
        form.setColspan(miners, 2);
        add(form);
        setWidth("640px");

        Button create = new Button("Create user", e -> {
            boolean created = AsUser.run(actor -> NodeAccess.node().auth().users().create(actor, new UserService.NewUser(
                username.getValue(), displayName.getValue(), password.value(), role.getValue(),
                MinerList.parse(miners.getValue()))));
            if (created) {
                Notices.success("User " + username.getValue().strip() + " created.");
                close();
                onCreated.run();
            }
        });
        create.setId("new-user-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, create);
    }
}

package dev.granary.ui.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import dev.granary.auth.IssuedToken;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.TokenService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.users.MinerField;
import dev.granary.ui.users.MinerList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Creates an API token for the signed-in user. As Lotus' --perm, the chosen permission includes every
 * one below it; only permissions the user holds are offered (the node checks again).
 */
final class NewTokenDialog extends Dialog {

    private static final List<Permission> LOTUS_ORDER = List.of(Permission.READ, Permission.WRITE, Permission.SIGN,
        Permission.ADMIN);

    NewTokenDialog(Principal creator, Consumer<IssuedToken> onCreated) {
        setHeaderTitle("New API token");
        setId("new-token-dialog");
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setPlaceholder("e.g. monitoring script");
        Select<Permission> permission = new Select<>();
        permission.setLabel("Allows");
        permission.setId("token-permission");
        List<Permission> offered = LOTUS_ORDER.stream().filter(creator::may).toList();
        permission.setItems(offered);
        permission.setItemLabelGenerator(NewTokenDialog::describe);
        permission.setValue(offered.get(0));
        Select<Expiry> expiry = new Select<>();
        expiry.setLabel("Expires after");
        expiry.setId("token-expiry");
        expiry.setItems(Expiry.all());
        expiry.setItemLabelGenerator(Expiry::label);
        expiry.setValue(Expiry.MONTH);
        TextField miners = MinerField.create("token-miners");
        miners.setHelperText("Limit the token to these miners (IDs such as f01234); empty for all you may use");
        FormLayout form = new FormLayout(name, permission, expiry, miners);
        form.setColspan(miners, 2);
        add(form);
        setWidth("640px");

        Button create = new Button("Create token", e -> AsUser.call(actor -> NodeAccess.node().auth().tokens().create(actor,
                new TokenService.TokenRequest(name.getValue(), TokenService.upTo(permission.getValue()),
                    expiry.getValue().lifetime(), false, MinerList.parse(miners.getValue()))))
            .ifPresent(issued -> {
                close();
                onCreated.accept(issued);
            }));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    /** "write (read, write)": what the choice grants. */
    static String describe(Permission top) {
        return top.lotusName() + " (" + String.join(", ", Stream.of(top).flatMap(t -> TokenService.upTo(t).stream())
            .map(Permission::lotusName).toList()) + ")";
    }
}

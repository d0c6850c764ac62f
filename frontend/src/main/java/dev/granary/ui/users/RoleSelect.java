package dev.granary.ui.users;

import com.vaadin.flow.component.select.Select;
import dev.granary.auth.Permission;
import dev.granary.auth.Role;
import java.util.stream.Collectors;

/** Choosing a role, each item saying which permissions it carries. */
final class RoleSelect {

    private RoleSelect() {}

    static Select<String> create(String id) {
        Select<String> select = new Select<>();
        select.setLabel("Role");
        select.setId(id);
        select.setItems(Role.ids());
        select.setItemLabelGenerator(RoleSelect::describe);
        return select;
    }

    static String describe(String roleId) {
        Role role = Role.parse(roleId);
        return role.id() + " (" + role.permissions().stream().map(Permission::lotusName)
            .collect(Collectors.joining(", ")) + ")";
    }
}

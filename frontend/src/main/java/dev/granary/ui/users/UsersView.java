package dev.granary.ui.users;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.Permission;
import dev.granary.auth.User;
import dev.granary.auth.UserService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.shell.Badge;
import dev.granary.ui.shell.IconButtons;
import dev.granary.ui.shell.MainLayout;
import dev.granary.ui.shell.Notices;
import dev.granary.ui.shell.Times;

/** Who may sign in and with which role: create, disable or enable, reset passwords, change role and miners. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users & access")
@RequiresPermission(Permission.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserService users = NodeAccess.node().auth().users();
    private final Grid<User> grid = new Grid<>();

    public UsersView() {
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> new NewUserDialog(this::reload).open());
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(User::username).setHeader("Username").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(User::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(u -> u.role().id()).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> MinerList.describe(u.miners())).setHeader("Miners").setAutoWidth(true);
        grid.addComponentColumn(UsersView::status).setHeader("Status").setWidth("13em").setFlexGrow(0);
        grid.addColumn(u -> Times.utcMinutes(u.lastLoginAt())).setHeader("Last sign-in (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0)
            .setFrozenToEnd(true); // reachable even when the table scrolls sideways
        grid.setAllRowsVisible(true);

        add(create, grid);
        setWidthFull();
        reload();
    }

    private void reload() {
        AsUser.call(users::list).ifPresent(list -> {
            grid.setItems(list);
            grid.recalculateColumnWidths();
        });
    }

    private static Component status(User user) {
        Div status = new Div(user.enabled() ? Badge.of("enabled", Badge.Tone.GOOD) : Badge.of("disabled", Badge.Tone.BAD));
        if (user.mustChangePassword()) {
            status.add(Badge.of("must change password", Badge.Tone.WARN));
        }
        status.addClassName("granary-badges");
        status.setId("status-" + user.username());
        return status;
    }

    private Component actions(User user) {
        Button edit = IconButtons.of(VaadinIcon.EDIT, "Change role and miners", "edit-" + user.username(),
            e -> new EditUserDialog(user, this::reload).open());
        Button reset = IconButtons.of(VaadinIcon.KEY, "Reset password", "reset-" + user.username(),
            e -> new ResetPasswordDialog(user, this::reload).open());
        Button toggle = IconButtons.of(user.enabled() ? VaadinIcon.BAN : VaadinIcon.CHECK_CIRCLE,
            user.enabled() ? "Disable" : "Enable", "toggle-" + user.username(), e -> {
                if (AsUser.run(actor -> users.setEnabled(actor, user.username(), !user.enabled()))) {
                    Notices.success((user.enabled() ? "Disabled " : "Enabled ") + user.username() + ".");
                }
                reload();
            });
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        HorizontalLayout actions = new HorizontalLayout(edit, reset, toggle);
        actions.setSpacing(false);
        return actions;
    }
}

package dev.granary.ui.login;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.UserService;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.AsUser;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.security.Routes;
import dev.granary.ui.security.Sessions;
import dev.granary.ui.security.SignedIn;
import dev.granary.ui.shell.Notices;

/**
 * Replaces the user's own password. When the password was generated at first start or set by an
 * administrator, every other page leads here until it is done (see the view guard).
 */
@Route(Routes.CHANGE_PASSWORD)
@PageTitle("Change password · Granary")
@RequiresPermission(Permission.READ)
public class ChangePasswordView extends Div implements BeforeEnterObserver {

    private final AuthCard card = new AuthCard("Change your password", "change-password-notice",
        "change-password-error");
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField replacement = new PasswordField("New password");
    private final PasswordField confirmation = new PasswordField("New password again");
    private final Button leave = new Button("Back to the dashboard", e -> UI.getCurrent().navigate(Routes.OVERVIEW));
    private String next = "";

    public ChangePasswordView() {
        setId("change-password-view");
        current.setId("current-password");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        replacement.setId("new-password");
        replacement.setAutocomplete(Autocomplete.NEW_PASSWORD);
        replacement.setHelperText("At least " + UserService.MIN_PASSWORD_LENGTH + " characters");
        confirmation.setId("confirm-password");
        confirmation.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField field : new PasswordField[] {current, replacement, confirmation}) {
            field.setWidthFull();
        }
        Button save = new Button("Change password", e -> save());
        save.setId("save-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        leave.setId("leave-change-password");
        leave.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button signOut = new Button("Sign out", e -> Sessions.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(save, leave, signOut);
        actions.setWrap(true);
        card.addContent(current, replacement, confirmation, actions);
        add(AuthCard.page(card));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        next = LoginView.first(event.getLocation().getQueryParameters(), Routes.NEXT).orElse("");
        boolean forced = SignedIn.mustChangePassword();
        leave.setVisible(!forced);
        String user = SignedIn.principal().map(Principal::username).orElse("");
        card.notice(forced
            ? "Signed in as " + user + ". This password was generated or set by an administrator: choose your own"
                + " before going on."
            : "Signed in as " + user + ".");
        current.focus();
    }

    private void save() {
        card.error(null);
        if (!replacement.getValue().equals(confirmation.getValue())) {
            card.error("The new passwords do not match.");
            confirmation.focus();
            return;
        }
        boolean changed = AsUser.run(actor -> NodeAccess.node().auth().users()
            .changeOwnPassword(actor, current.getValue(), replacement.getValue()));
        current.clear();
        replacement.clear();
        confirmation.clear();
        if (changed) {
            Notices.success("Your password has been changed.");
            LoginView.goTo(next);
        }
    }
}

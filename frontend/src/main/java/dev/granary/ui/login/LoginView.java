package dev.granary.ui.login;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.Permission;
import dev.granary.auth.ThrottledException;
import dev.granary.auth.User;
import dev.granary.ui.NodeAccess;
import dev.granary.ui.security.RequiresPermission;
import dev.granary.ui.security.Routes;
import dev.granary.ui.security.SessionEnd;
import dev.granary.ui.security.Sessions;
import dev.granary.ui.shell.Notices;
import java.util.List;
import java.util.Optional;

/** Password sign-in. The node throttles repeated failures; its message says how long to wait. */
@Route(Routes.LOGIN)
@PageTitle("Sign in · Granary")
@RequiresPermission(Permission.PUBLIC)
public class LoginView extends Div implements BeforeEnterObserver {

    private final AuthCard card = new AuthCard("Sign in", "sign-in-notice", "sign-in-error");
    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private String next = "";

    public LoginView() {
        setId("login-view");
        username.setId("username");
        username.setAutocomplete(Autocomplete.USERNAME);
        username.setWidthFull();
        password.setId("password");
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        password.setWidthFull();
        Button signIn = new Button("Sign in", e -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.setWidthFull();
        card.addContent(username, password, signIn);
        add(AuthCard.page(card));
        username.focus();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        next = first(query, Routes.NEXT).orElse("");
        card.notice(first(query, Routes.ENDED).flatMap(SessionEnd::fromParameter)
            .map(end -> end.message(NodeAccess.node().auth().sessions().idleTimeout())).orElse(null));
    }

    private void signIn() {
        User user;
        try {
            user = Sessions.signIn(username.getValue(), password.getValue());
        } catch (ThrottledException | AuthenticationException e) {
            password.clear();
            card.notice(null);
            card.error(Notices.sentence(e.getMessage()));
            password.focus();
            return;
        }
        password.clear();
        if (user.mustChangePassword()) {
            UI.getCurrent().navigate(Routes.CHANGE_PASSWORD, next.isEmpty() ? QueryParameters.empty()
                : QueryParameters.of(Routes.NEXT, next));
        } else {
            goTo(next);
        }
    }

    /** Continues where the person wanted to go; only within the dashboard, as navigation cannot leave it. */
    static void goTo(String next) {
        Location location;
        try {
            location = new Location(next.startsWith("/") ? next.substring(1) : next);
        } catch (RuntimeException invalid) {
            location = new Location(Routes.OVERVIEW);
        }
        UI.getCurrent().navigate(location.getPath(), location.getQueryParameters());
    }

    static Optional<String> first(QueryParameters query, String name) {
        List<String> values = query.getParameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}

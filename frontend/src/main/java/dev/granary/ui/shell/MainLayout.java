package dev.granary.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import dev.granary.auth.Principal;
import dev.granary.ui.security.Routes;
import dev.granary.ui.security.Sessions;
import dev.granary.ui.security.SignedIn;
import java.util.Optional;

/**
 * The shell around every view: title bar with the signed-in user and sign-out, drawer with the side
 * navigation. The navigation is rebuilt on every navigation, so a changed role shows at the next click.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();
    private final SideNav nav = new SideNav();
    private final Span userName = new Span();
    private final Div userBox;

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("granary-view-title");
        viewTitle.setId("view-title");

        userName.setId("signed-in-user");
        userName.addClassName("granary-user-name");
        Button changePassword = new Button("Change password", e -> UI.getCurrent().navigate(Routes.CHANGE_PASSWORD));
        changePassword.setId("change-password-link");
        changePassword.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> Sessions.signOut());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_SMALL);
        userBox = new Div(VaadinIcon.USER.create(), userName, changePassword, signOut);
        userBox.addClassName("granary-user");
        addToNavbar(true, new DrawerToggle(), viewTitle, userBox);

        Span brand = new Span("Granary");
        brand.addClassName("granary-brand");
        Div header = new Div(brand);
        header.addClassName("granary-drawer-header");
        nav.setId("side-nav");
        addToDrawer(header, nav);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PageTitle title = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        viewTitle.setText(title == null ? "" : title.value());
        Optional<Principal> principal = SignedIn.principal();
        nav.removeAll();
        principal.ifPresent(p -> Navigation.entriesFor(p)
            .forEach(entry -> nav.addItem(new SideNavItem(entry.label(), entry.view(), entry.icon().create()))));
        userName.setText(principal.map(p -> p.username() + " · " + p.roleName()).orElse(""));
        userBox.setVisible(principal.isPresent());
    }
}

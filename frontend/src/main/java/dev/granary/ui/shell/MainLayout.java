package dev.granary.ui.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;

/** The shell around every view: title bar, drawer with the side navigation. */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();

    public MainLayout() {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("granary-view-title");
        viewTitle.setId("view-title");
        addToNavbar(true, new DrawerToggle(), viewTitle);

        Span brand = new Span("Granary");
        brand.addClassName("granary-brand");
        Div header = new Div(brand);
        header.addClassName("granary-drawer-header");
        addToDrawer(header, sideNav());
    }

    private static SideNav sideNav() {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (NavEntry entry : Navigation.entries()) {
            nav.addItem(new SideNavItem(entry.label(), entry.view(), entry.icon().create()));
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        PageTitle title = getContent() == null ? null : getContent().getClass().getAnnotation(PageTitle.class);
        viewTitle.setText(title == null ? "" : title.value());
    }
}

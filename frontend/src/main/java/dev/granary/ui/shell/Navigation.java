package dev.granary.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.granary.ui.overview.OverviewView;
import java.util.List;

/**
 * The dashboard's areas, in menu order. An area appears here only once its capability is built, so
 * the navigation never leads to an empty page.
 */
public final class Navigation {

    private static final List<NavEntry> ENTRIES = List.of(
        new NavEntry("Overview", VaadinIcon.DASHBOARD, OverviewView.class));

    private Navigation() {}

    public static List<NavEntry> entries() {
        return ENTRIES;
    }
}

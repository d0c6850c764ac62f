package dev.granary.ui.shell;

import com.vaadin.flow.component.icon.VaadinIcon;
import dev.granary.auth.Principal;
import dev.granary.ui.audit.AuditView;
import dev.granary.ui.chain.ChainView;
import dev.granary.ui.control.ControlView;
import dev.granary.ui.overview.OverviewView;
import dev.granary.ui.storage.StorageView;
import dev.granary.ui.tokens.TokensView;
import dev.granary.ui.users.UsersView;
import dev.granary.ui.wallet.WalletsView;
import java.util.List;

/**
 * The dashboard's areas, in menu order. An area appears here only once its capability is built, so
 * the navigation never leads to an empty page, and a user sees only the areas their role may use.
 */
public final class Navigation {

    private static final List<NavEntry> ENTRIES = List.of(
        new NavEntry("Overview", VaadinIcon.DASHBOARD, OverviewView.class),
        new NavEntry("Chain", VaadinIcon.CUBES, ChainView.class),
        new NavEntry("Wallets", VaadinIcon.WALLET, WalletsView.class),
        new NavEntry("Control wallets", VaadinIcon.SITEMAP, ControlView.class),
        new NavEntry("Storage", VaadinIcon.STORAGE, StorageView.class),
        new NavEntry("Users & access", VaadinIcon.USERS, UsersView.class),
        new NavEntry("API tokens", VaadinIcon.KEY, TokensView.class),
        new NavEntry("Audit", VaadinIcon.RECORDS, AuditView.class));

    private Navigation() {}

    public static List<NavEntry> entries() {
        return ENTRIES;
    }

    public static List<NavEntry> entriesFor(Principal principal) {
        return ENTRIES.stream().filter(e -> principal.may(e.permission())).toList();
    }
}

package dev.granary.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.granary.auth.Permission;
import dev.granary.ui.security.ViewPermissions;

/** One entry of the side navigation. */
public record NavEntry(String label, VaadinIcon icon, Class<? extends Component> view) {

    /** What the view declares: the menu never keeps its own copy of the access rules. */
    public Permission permission() {
        return ViewPermissions.declaredBy(view);
    }
}

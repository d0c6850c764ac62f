package dev.granary.ui.wallet;

import com.vaadin.flow.component.Component;
import dev.granary.auth.Permission;
import dev.granary.ui.security.SignedIn;

/**
 * Which actions a person sees. A button their role may not use is not shown at all; the service
 * checks the permission again whatever the page shows, so this is about a clear page, not security.
 */
public final class Gate {

    private Gate() {}

    public static boolean may(Permission permission) {
        return SignedIn.principal().map(p -> p.may(permission)).orElse(false);
    }

    /** {@code component}, visible only to people whose role has {@code permission}. */
    public static <C extends Component> C onlyFor(Permission permission, C component) {
        component.setVisible(may(permission));
        return component;
    }
}

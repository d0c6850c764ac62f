package dev.granary.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import dev.granary.auth.Permission;

/**
 * Server polling for live views. Each poll first checks that the session still holds and still allows
 * the view; if not, the current route is entered again, so the {@link ViewGuard} sends the browser to
 * the login page or refuses the view. A poll is not activity: it does not restart the idle timeout.
 */
public final class LivePolling {

    private LivePolling() {}

    /** Polls while {@code view} is attached: started at each attach, stopped at the detach that follows. */
    public static void whileAttached(Component view, int millis, Runnable refresh) {
        view.addAttachListener(attach -> {
            Registration polling = start(attach.getUI(), view, millis, refresh);
            view.addDetachListener(detach -> {
                polling.remove();
                detach.unregisterListener();
            });
        });
    }

    private static Registration start(UI ui, Component view, int millis, Runnable refresh) {
        Permission needed = ViewPermissions.declaredBy(view.getClass());
        ui.setPollInterval(millis);
        Registration listener = ui.addPollListener(e -> {
            boolean allowed = needed != null && SignedIn.principal().map(p -> p.may(needed)).orElse(false);
            if (allowed) {
                refresh.run();
            } else {
                ui.refreshCurrentRoute(false);
            }
        });
        return () -> {
            listener.remove();
            ui.setPollInterval(-1);
        };
    }
}

package dev.granary.ui.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stands before every navigation, including a URL typed into the address bar: no session sends the
 * browser to the login page, a password that must be changed to the change-password page, and a view
 * the user lacks the permission for is refused (the URL stays, the page says why).
 */
final class ViewGuard implements BeforeEnterListener {

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (HasErrorParameter.class.isAssignableFrom(target)) {
            return; // error pages (refused, not found) show no node data
        }
        Permission needed = ViewPermissions.declaredBy(target);
        if (needed == null) {
            // The start-up check makes this unreachable; refusing keeps an undeclared view closed regardless.
            refuse(event, "This page declares no permission, so nobody may open it.");
            return;
        }
        String path = event.getLocation().getPath();
        Optional<Principal> principal = SignedIn.principal();
        if (needed == Permission.PUBLIC) {
            if (principal.isPresent() && Routes.LOGIN.equals(path)) {
                event.forwardTo(Routes.OVERVIEW); // already signed in
            }
            return;
        }
        if (principal.isEmpty()) {
            event.forwardTo(Routes.LOGIN, loginParameters(event));
            return;
        }
        SignedIn.markActive();
        if (!Routes.CHANGE_PASSWORD.equals(path) && SignedIn.mustChangePassword()) {
            event.forwardTo(Routes.CHANGE_PASSWORD);
            return;
        }
        if (!principal.get().may(needed)) {
            refuse(event, refusal(target, needed, principal.get()));
        }
    }

    private static void refuse(BeforeEnterEvent event, String reason) {
        event.rerouteToError(new ViewRefusedException(reason), reason);
    }

    private static QueryParameters loginParameters(BeforeEnterEvent event) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String wanted = event.getLocation().getPathWithQueryParameters();
        if (!wanted.isEmpty()) {
            parameters.put(Routes.NEXT, wanted);
        }
        SignedIn.endedNow().ifPresent(end -> parameters.put(Routes.ENDED, end.parameter()));
        return QueryParameters.simple(parameters);
    }

    private static String refusal(Class<?> target, Permission needed, Principal principal) {
        PageTitle title = target.getAnnotation(PageTitle.class);
        return (title == null ? "This page" : "The " + title.value() + " page") + " needs the '" + needed.lotusName()
            + "' permission; " + principal.describe() + " has " + principal.permissionNames() + ".";
    }
}

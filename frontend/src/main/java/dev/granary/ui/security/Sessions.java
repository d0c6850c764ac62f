package dev.granary.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.AuthServices;
import dev.granary.auth.Principal;
import dev.granary.auth.User;
import dev.granary.auth.WebSession;
import dev.granary.ui.NodeAccess;
import java.util.Optional;

/** Signing in and out of the dashboard. */
public final class Sessions {

    private Sessions() {}

    /**
     * Checks the password (the node throttles and audits), then starts a new session under new ids: a
     * new servlet session and a new session cookie, so an id planted in the browser before sign-in never
     * becomes a signed-in one. Throws the sign-in service's exceptions, whose messages are for people.
     */
    public static User signIn(String username, String password) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        AuthServices auth = NodeAccess.node().auth();
        User user = auth.signIn().signIn(username, password, SignedIn.anonymous());
        SignedIn.cookie().ifPresent(auth.sessions()::end);
        VaadinService.reinitializeSession(request);
        WebSession session = auth.sessions().create(user.username());
        SessionCookie.issue(session.id());
        SignedIn.remember(Optional.of(Principal.session(user)));
        SignedIn.markActive();
        return user;
    }

    /** Ends the session at the node, deletes the cookie and the servlet session, and loads the login page. */
    public static void signOut() {
        AuthServices auth = NodeAccess.node().auth();
        Optional<Principal> principal = SignedIn.principal();
        SignedIn.cookie().ifPresent(auth.sessions()::end);
        principal.ifPresent(p -> auth.audit().record(new Actor(p, SignedIn.clientAddress(), SignedIn.newRequestId()),
            "session.sign-out", p.username(), Outcome.SUCCESS, "dashboard"));
        SessionCookie.expire();
        SignedIn.remember(Optional.empty());
        VaadinRequest request = VaadinService.getCurrentRequest();
        // A full page load, not an in-app navigation: nothing of the signed-in UI survives in the browser.
        UI.getCurrent().getPage().setLocation(request.getContextPath() + "/" + Routes.LOGIN + "?" + Routes.ENDED + "="
            + SessionEnd.SIGNED_OUT.parameter());
        WrappedSession servletSession = VaadinSession.getCurrent().getSession();
        if (servletSession != null) {
            servletSession.invalidate();
        }
    }
}

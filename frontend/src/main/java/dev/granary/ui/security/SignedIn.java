package dev.granary.ui.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import dev.granary.auth.Actor;
import dev.granary.auth.AuthServices;
import dev.granary.auth.Principal;
import dev.granary.auth.User;
import dev.granary.node.Node;
import dev.granary.ui.NodeAccess;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is signed in, for the request being handled. It is looked up in the node's session store through
 * the session cookie once per request (never remembered in the UI), so signing out elsewhere, the idle
 * timeout, a disabled account or a changed role take effect at the next click.
 */
public final class SignedIn {

    private static final String PRINCIPAL = SignedIn.class.getName() + ".principal";
    private static final String ENDED = SignedIn.class.getName() + ".ended";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignedIn() {}

    /** The signed-in user of this request; empty when there is none (or no request). */
    @SuppressWarnings("unchecked")
    public static Optional<Principal> principal() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request == null) {
            return Optional.empty();
        }
        if (request.getAttribute(PRINCIPAL) instanceof Optional<?> known) {
            return (Optional<Principal>) known;
        }
        Optional<Principal> resolved = resolve(request);
        request.setAttribute(PRINCIPAL, resolved);
        return resolved;
    }

    /** The signed-in user; throws {@link SessionEndedException} when there is none. */
    public static Principal require() {
        return principal().orElseThrow(SessionEndedException::new);
    }

    /** The actor for a service call made by the signed-in user in this request. */
    public static Actor actor() {
        return new Actor(require(), clientAddress(), newRequestId());
    }

    /** Someone not signed in (yet), for a sign-in attempt. */
    static Actor anonymous() {
        return Actor.anonymous(clientAddress(), newRequestId());
    }

    /** Why this request found the browser's session over, if it came with one that is no longer valid. */
    public static Optional<SessionEnd> endedNow() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request != null && request.getAttribute(ENDED) instanceof SessionEnd end ? Optional.of(end) : Optional.empty();
    }

    /** The person did something: the idle timeout starts again. */
    public static void markActive() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            Activity.record(session, NodeAccess.node().clock().instant());
        }
    }

    /** Whether the signed-in user still has to replace a password someone else set. */
    public static boolean mustChangePassword() {
        return principal().flatMap(p -> NodeAccess.node().auth().users().find(p.username()))
            .map(User::mustChangePassword).orElse(false);
    }

    /** Replaces what this request knows about the user (after signing in or out within it). */
    static void remember(Optional<Principal> principal) {
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (request != null) {
            request.setAttribute(PRINCIPAL, principal);
        }
    }

    static Optional<String> cookie() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request == null ? Optional.empty() : SessionCookie.read(request);
    }

    private static Optional<Principal> resolve(VaadinRequest request) {
        Optional<String> cookie = SessionCookie.read(request);
        if (cookie.isEmpty()) {
            return Optional.empty();
        }
        Node node = NodeAccess.node();
        AuthServices auth = node.auth();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && Activity.idleLongerThan(session, auth.sessions().idleTimeout(), node.clock().instant())) {
            auth.sessions().end(cookie.get());
            return ended(request, session, SessionEnd.IDLE);
        }
        Optional<Principal> principal = auth.sessionPrincipal(cookie.get());
        return principal.isPresent() ? principal : ended(request, session, SessionEnd.ENDED);
    }

    private static Optional<Principal> ended(VaadinRequest request, VaadinSession session, SessionEnd why) {
        SessionCookie.expire();
        if (session != null) {
            Activity.forget(session);
        }
        request.setAttribute(ENDED, why);
        return Optional.empty();
    }

    static String clientAddress() {
        VaadinRequest request = VaadinService.getCurrentRequest();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /** Ties the audit entries of one click together, as the REST API's request ids do. */
    static String newRequestId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return "ui-" + HexFormat.of().formatHex(b);
    }
}

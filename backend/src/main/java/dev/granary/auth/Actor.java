package dev.granary.auth;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Who is acting, from where, in which request: what the audit log records and what services check
 * permissions against. {@link #audited} lets the REST layer skip its generic entry when a service
 * already wrote a specific one for this request.
 */
public record Actor(Principal principal, String clientAddress, String requestId, AtomicBoolean audited) {

    public Actor(Principal principal, String clientAddress, String requestId) {
        this(principal, clientAddress, requestId, new AtomicBoolean());
    }

    /** The node itself (first start, background work). */
    public static Actor system() {
        return new Actor(Principal.system(), "local", "system");
    }

    /** Someone not signed in yet (a sign-in attempt). */
    public static Actor anonymous(String clientAddress, String requestId) {
        return new Actor(Principal.anonymous(), clientAddress, requestId);
    }

    public boolean may(Permission p) {
        return principal.may(p);
    }

    /** Throws {@link AccessDeniedException} naming the missing permission. */
    public void require(Permission p, String action) {
        if (!may(p)) {
            throw new AccessDeniedException(p, action + " needs the '" + p.lotusName() + "' permission; "
                + principal.describe() + " has " + principal.permissionNames());
        }
    }
}

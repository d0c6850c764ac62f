package dev.granary.api;

import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.AuthServices;
import dev.granary.auth.AuthenticationException;
import dev.granary.auth.Permission;
import dev.granary.auth.Principal;
import dev.granary.auth.WebSession;
import dev.granary.auth.WebSessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling and whether they may: a bearer token (Lotus-style JWT) or the dashboard's session
 * cookie, checked against the permission the matched route declares. Cookie-authenticated requests that
 * change state must carry the session's CSRF token; bearer requests need none (a browser never adds
 * an Authorization header on its own).
 */
public final class RestAccess {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String ACTOR = "granary.actor";
    static final String SESSION = "granary.session";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final AuthServices auth;

    public RestAccess(AuthServices auth) {
        this.auth = auth;
    }

    /** Runs before every request: establishes the actor; a bad token fails right here with 401. */
    void authenticate(Context ctx) {
        String requestId = RestApi.requestId(ctx);
        String address = ctx.ip();
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank()) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized("the Authorization header must be 'Bearer <token>'");
            }
            Principal p;
            try {
                p = auth.tokens().verify(header.substring(7).strip());
            } catch (AuthenticationException e) {
                throw unauthorized(e.getMessage());
            }
            ctx.attribute(ACTOR, new Actor(p, address, requestId));
            return;
        }
        String cookie = ctx.cookie(WebSessions.COOKIE);
        Optional<WebSession> session = auth.sessions().use(cookie);
        Optional<Principal> principal = session.flatMap(auth::principalOf);
        if (principal.isPresent()) {
            ctx.attribute(SESSION, session.get());
            ctx.attribute(ACTOR, new Actor(principal.get(), address, requestId));
        } else {
            ctx.attribute(ACTOR, Actor.anonymous(address, requestId));
        }
    }

    /** Runs when a route matched: the caller must hold the route's permission (and the CSRF token, for cookies). */
    void authorize(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        RoutePermission declared = endpoint.metadata(RoutePermission.class);
        if (declared == null) {
            throw new IllegalStateException("route " + endpoint.method + " " + endpoint.path + " has no permission");
        }
        Actor actor = actor(ctx);
        Permission needed = declared.permission();
        if (needed == Permission.PUBLIC) {
            return;
        }
        if (!actor.principal().authenticated()) {
            throw unauthorized(endpoint.method.name() + " " + ctx.path() + " needs the '" + needed.lotusName()
                + "' permission: sign in, or send Authorization: Bearer <token>");
        }
        if (!actor.may(needed)) {
            throw forbidden(needed, endpoint.method.name() + " " + ctx.path() + " needs the '" + needed.lotusName()
                + "' permission; " + actor.principal().describe() + " has " + actor.principal().permissionNames());
        }
        WebSession session = ctx.attribute(SESSION);
        if (session != null && !SAFE.contains(ctx.method()) && !csrfMatches(ctx.header(CSRF_HEADER), session)) {
            throw new ProblemException(Problem.of(ProblemType.CSRF,
                "a browser session must send its CSRF token in the " + CSRF_HEADER
                    + " header for this request (GET /api/v1/session hands it out)"));
        }
    }

    /** Unmatched paths reveal nothing to anonymous callers. */
    void requireAuthenticatedForUnknownRoutes(Context ctx) {
        if (!actor(ctx).principal().authenticated()) {
            throw unauthorized("sign in, or send Authorization: Bearer <token>");
        }
    }

    /** Every state-changing call is in the audit log: a generic entry unless a service wrote a specific one. */
    void auditStateChange(Context ctx, dev.granary.audit.AuditLog audit) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        Actor stored = ctx.attribute(ACTOR);
        Actor actor = stored != null ? stored : Actor.anonymous(ctx.ip(), RestApi.requestId(ctx)); // bad token
        if (actor.audited().get()) {
            return;
        }
        int status = ctx.status().getCode();
        Outcome outcome = status < 400 ? Outcome.SUCCESS : (status == 401 || status == 403 || status == 429)
            ? Outcome.DENIED : Outcome.FAILED;
        Endpoint endpoint = RestApi.safeEndpoint(ctx);
        String action = "api " + ctx.method().name() + " " + (endpoint != null ? endpoint.path : ctx.path());
        audit.record(actor, action, ctx.path(), outcome, "HTTP " + status);
    }

    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("no actor established for " + ctx.path());
        }
        return actor;
    }

    /** The browser session behind this request, if it came with the session cookie. */
    public static Optional<WebSession> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    private static boolean csrfMatches(String sent, WebSession session) {
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
            session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(ProblemType.UNAUTHORIZED, detail));
    }

    static ProblemException forbidden(Permission missing, String detail) {
        return new ProblemException(Problem.of(ProblemType.FORBIDDEN, detail).with("missingPermission", missing.lotusName()));
    }
}

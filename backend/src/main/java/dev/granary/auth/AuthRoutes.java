package dev.granary.auth;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.audit.AuditEntry;
import dev.granary.audit.AuditQuery;
import dev.granary.audit.Page;
import dev.granary.units.Durations;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /api/v1/session, /users, /tokens and /audit. */
public final class AuthRoutes implements RouteGroup {

    private final AuthServices auth;

    public AuthRoutes(AuthServices auth) {
        this.auth = auth;
    }

    public record SignIn(String username, String password) {}
    public record PasswordChange(String currentPassword, String newPassword) {}
    public record NewPassword(String password) {}
    public record UserChange(String displayName, String role, Boolean enabled, List<String> miners) {}
    public record TokenCreate(String name, String perm, List<String> permissions, String expires, Boolean lotus,
                              List<String> miners) {}

    @Override
    public List<ApiRoute> routes() {
        return List.of(
            ApiRoute.post("/v1/session").permission(Permission.PUBLIC).tag("auth")
                .summary("Sign in with a password; returns a short-lived bearer token for scripts")
                .requestBody(JsonSchema.object().prop("username", JsonSchema.string()).prop("password", JsonSchema.string()))
                .response(201, "A token for Authorization: Bearer", tokenSchema())
                .handler(this::signIn),
            ApiRoute.get("/v1/session").permission(Permission.READ).tag("auth")
                .summary("Who is calling: user, role, permissions; for a browser session also its CSRF token")
                .response(200, "The caller", JsonSchema.object())
                .handler(this::whoAmI),
            ApiRoute.delete("/v1/session").permission(Permission.READ).tag("auth")
                .summary("Sign out: ends the browser session, or revokes the session token used")
                .response(204, "Signed out", null)
                .handler(this::signOut),
            ApiRoute.put("/v1/session/password").permission(Permission.READ).tag("auth")
                .summary("Change your own password")
                .requestBody(JsonSchema.object().prop("currentPassword", JsonSchema.string())
                    .prop("newPassword", JsonSchema.string()))
                .response(204, "Changed", null)
                .handler(ctx -> {
                    PasswordChange change = ApiRequests.body(ctx, PasswordChange.class);
                    auth.users().changeOwnPassword(RestAccess.actor(ctx), change.currentPassword(), change.newPassword());
                    ctx.status(204);
                }),
            ApiRoute.get("/v1/users").permission(Permission.ADMIN).tag("users")
                .summary("Every user")
                .response(200, "Users", JsonSchema.array(userSchema()))
                .handler(ctx -> ctx.json(auth.users().list(RestAccess.actor(ctx)).stream().map(AuthRoutes::userJson).toList())),
            ApiRoute.post("/v1/users").permission(Permission.ADMIN).tag("users")
                .summary("Create a user")
                .requestBody(JsonSchema.object().prop("username", JsonSchema.string())
                    .prop("displayName", JsonSchema.string(), false).prop("password", JsonSchema.string())
                    .prop("role", JsonSchema.string().enumOf("viewer", "operator", "signer", "admin"))
                    .prop("miners", JsonSchema.array(JsonSchema.string()), false))
                .response(201, "The new user", userSchema())
                .handler(ctx -> {
                    UserService.NewUser spec = ApiRequests.body(ctx, UserService.NewUser.class);
                    ctx.status(201).json(userJson(auth.users().create(RestAccess.actor(ctx), spec)));
                }),
            ApiRoute.get("/v1/users/{username}").permission(Permission.ADMIN).tag("users")
                .summary("One user")
                .response(200, "The user", userSchema())
                .handler(ctx -> ctx.json(userJson(auth.users().get(RestAccess.actor(ctx), ctx.pathParam("username"))))),
            ApiRoute.patch("/v1/users/{username}").permission(Permission.ADMIN).tag("users")
                .summary("Change a user's display name, role, enabled flag or miner scope")
                .requestBody(JsonSchema.object().prop("displayName", JsonSchema.string(), false)
                    .prop("role", JsonSchema.string(), false).prop("enabled", JsonSchema.bool(), false)
                    .prop("miners", JsonSchema.array(JsonSchema.string()), false))
                .response(200, "The changed user", userSchema())
                .handler(this::changeUser),
            ApiRoute.put("/v1/users/{username}/password").permission(Permission.ADMIN).tag("users")
                .summary("Reset a user's password; they must change it at next sign-in")
                .requestBody(JsonSchema.object().prop("password", JsonSchema.string()))
                .response(204, "Reset", null)
                .handler(ctx -> {
                    NewPassword body = ApiRequests.body(ctx, NewPassword.class);
                    auth.users().resetPassword(RestAccess.actor(ctx), ctx.pathParam("username"), body.password());
                    ctx.status(204);
                }),
            ApiRoute.get("/v1/tokens").permission(Permission.READ).tag("tokens")
                .summary("Your API tokens (admins: ?all=true for everyone's); token values are never shown again")
                .response(200, "Tokens", JsonSchema.array(tokenRecordSchema()))
                .handler(ctx -> ctx.json(auth.tokens().list(RestAccess.actor(ctx),
                    "true".equals(ctx.queryParam("all"))).stream().map(AuthRoutes::tokenJson).toList())),
            ApiRoute.post("/v1/tokens").permission(Permission.READ).tag("tokens")
                .summary("Create a token carrying at most your permissions; its value is shown only in this answer")
                .requestBody(JsonSchema.object().prop("name", JsonSchema.string(), false)
                    .prop("perm", JsonSchema.string().enumOf("read", "write", "sign", "admin")
                        .description("This permission and every one below it, as Lotus' --perm"), false)
                    .prop("permissions", JsonSchema.array(JsonSchema.string()), false)
                    .prop("expires", JsonSchema.string().description("e.g. 30d; omit for no expiry"), false)
                    .prop("lotus", JsonSchema.bool().description("A plain Lotus token (only Allow; cannot be revoked)"), false)
                    .prop("miners", JsonSchema.array(JsonSchema.string()), false))
                .response(201, "The token", tokenSchema())
                .handler(this::createToken),
            ApiRoute.delete("/v1/tokens/{jti}").permission(Permission.READ).tag("tokens")
                .summary("Revoke a token (yours; admins: anyone's)")
                .response(200, "The revoked token", tokenRecordSchema())
                .handler(ctx -> ctx.json(tokenJson(auth.tokens().revoke(RestAccess.actor(ctx), ctx.pathParam("jti"))))),
            ApiRoute.get("/v1/audit").permission(Permission.ADMIN).tag("audit")
                .summary("The audit log, newest first; filters actor, action, target, outcome, from, to; cursor pagination")
                .response(200, "A page of entries and the cursor of the next", JsonSchema.object()
                    .prop("items", JsonSchema.array(JsonSchema.object()))
                    .prop("nextCursor", JsonSchema.string().description("Pass as ?cursor= for the next page; null at the end")))
                .handler(this::audit));
    }

    private void signIn(Context ctx) {
        SignIn body = ApiRequests.body(ctx, SignIn.class);
        if (body.username() == null || body.username().isBlank() || body.password() == null) {
            throw new IllegalArgumentException("send {\"username\": ..., \"password\": ...}");
        }
        User user = auth.signIn().signIn(body.username(), body.password(), RestAccess.actor(ctx));
        Actor signedIn = new Actor(Principal.session(user), ctx.ip(), RestAccess.actor(ctx).requestId(),
            RestAccess.actor(ctx).audited());
        IssuedToken issued = auth.tokens().createSessionToken(signedIn, user, auth.sessionTokenLifetime());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", issued.token());
        out.put("jti", issued.record().jti());
        out.put("expiresAt", issued.record().expiresAt().toString());
        out.put("username", user.username());
        out.put("permissions", TokenService.names(user.role().permissions()));
        out.put("mustChangePassword", user.mustChangePassword());
        ctx.status(201).json(out);
    }

    private void whoAmI(Context ctx) {
        Actor actor = RestAccess.actor(ctx);
        Principal p = actor.principal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", p.kind().name().toLowerCase());
        out.put("username", p.username());
        out.put("role", p.role() == null ? null : p.role().id());
        out.put("permissions", TokenService.names(p.permissions()));
        out.put("tokenId", p.tokenId());
        out.put("miners", p.miners());
        RestAccess.session(ctx).ifPresent(s -> out.put("csrfToken", s.csrfToken()));
        ctx.json(out);
    }

    private void signOut(Context ctx) {
        Actor actor = RestAccess.actor(ctx);
        var session = RestAccess.session(ctx);
        if (session.isPresent()) {
            auth.sessions().end(session.get().id());
            ctx.header("Set-Cookie", WebSessions.setCookieHeader("", ctx.req().isSecure(), true));
            auth.audit().record(actor, "session.sign-out", actor.principal().username(),
                dev.granary.audit.Outcome.SUCCESS, "browser session");
        } else if (actor.principal().tokenId() != null) {
            auth.tokens().revoke(actor, actor.principal().tokenId());
        } else {
            throw new IllegalArgumentException("this caller has no session to end (a plain Lotus token cannot sign out)");
        }
        ctx.status(204);
    }

    private void changeUser(Context ctx) {
        Actor actor = RestAccess.actor(ctx);
        String username = ctx.pathParam("username");
        UserChange change = ApiRequests.body(ctx, UserChange.class);
        User user = auth.users().get(actor, username);
        if (change.displayName() != null) {
            user = auth.users().setDisplayName(actor, username, change.displayName());
        }
        if (change.role() != null) {
            user = auth.users().setRole(actor, username, change.role());
        }
        if (change.enabled() != null) {
            user = auth.users().setEnabled(actor, username, change.enabled());
        }
        if (change.miners() != null) {
            user = auth.users().setMiners(actor, username, change.miners());
        }
        ctx.json(userJson(user));
    }

    private void createToken(Context ctx) {
        TokenCreate body = ApiRequests.body(ctx, TokenCreate.class);
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        if (body.perm() != null) {
            perms.addAll(TokenService.upTo(Permission.fromLotus(body.perm())));
        }
        if (body.permissions() != null) {
            body.permissions().forEach(p -> perms.add(Permission.fromLotus(p)));
        }
        TokenService.TokenRequest request = new TokenService.TokenRequest(body.name(), perms,
            body.expires() == null || body.expires().isBlank() ? null : Durations.parse(body.expires()),
            Boolean.TRUE.equals(body.lotus()), body.miners());
        IssuedToken issued = auth.tokens().create(RestAccess.actor(ctx), request);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", issued.token());
        if (issued.record() != null) {
            out.putAll(tokenJson(issued.record()));
        } else {
            out.put("lotus", true);
            out.put("permissions", TokenService.names(perms));
        }
        ctx.status(201).json(out);
    }

    private void audit(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        Long before;
        try {
            before = cursor == null || cursor.isBlank() ? null : Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this API handed out");
        }
        int limit = ctx.queryParam("limit") == null ? 100 : parseInt(ctx.queryParam("limit"), "limit");
        AuditQuery q = new AuditQuery(ctx.queryParam("actor"), ctx.queryParam("action"), ctx.queryParam("target"),
            ctx.queryParam("outcome"), instant(ctx.queryParam("from"), "from"), instant(ctx.queryParam("to"), "to"),
            before, limit);
        Page<AuditEntry> page = auth.audit().query(RestAccess.actor(ctx), q);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.items());
        out.put("nextCursor", page.nextCursor());
        ctx.json(out);
    }

    private static int parseInt(String s, String name) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + s + "' is not a number");
        }
    }

    private static Instant instant(String s, String name) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + s + "' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    public static Map<String, Object> userJson(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().id());
        m.put("enabled", u.enabled());
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("miners", u.miners());
        m.put("createdAt", u.createdAt().toString());
        m.put("lastLoginAt", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
        return m;
    }

    public static Map<String, Object> tokenJson(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jti", t.jti());
        m.put("username", t.username());
        m.put("name", t.name());
        m.put("kind", t.kind());
        m.put("permissions", TokenService.names(t.permissions()));
        m.put("miners", t.miners());
        m.put("createdAt", t.createdAt().toString());
        m.put("expiresAt", t.expiresAt() == null ? null : t.expiresAt().toString());
        m.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
        m.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
        return m;
    }

    private static JsonSchema userSchema() {
        return JsonSchema.object().prop("username", JsonSchema.string()).prop("displayName", JsonSchema.string())
            .prop("role", JsonSchema.string().enumOf("viewer", "operator", "signer", "admin"))
            .prop("enabled", JsonSchema.bool()).prop("mustChangePassword", JsonSchema.bool())
            .prop("miners", JsonSchema.array(JsonSchema.string()))
            .prop("createdAt", JsonSchema.string().format("date-time"))
            .prop("lastLoginAt", JsonSchema.string().format("date-time"), false);
    }

    private static JsonSchema tokenRecordSchema() {
        return JsonSchema.object().prop("jti", JsonSchema.string()).prop("username", JsonSchema.string())
            .prop("name", JsonSchema.string()).prop("kind", JsonSchema.string().enumOf("api", "session"))
            .prop("permissions", JsonSchema.array(JsonSchema.string()))
            .prop("expiresAt", JsonSchema.string().format("date-time"), false)
            .prop("revokedAt", JsonSchema.string().format("date-time"), false);
    }

    private static JsonSchema tokenSchema() {
        return JsonSchema.object().prop("token", JsonSchema.string().description("Shown only once"))
            .prop("jti", JsonSchema.string(), false).prop("expiresAt", JsonSchema.string(), false);
    }
}

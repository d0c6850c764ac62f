package dev.granary.auth;

import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.errors.NotFoundException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.databind.JsonNode;

/**
 * API tokens: Lotus-compatible HS256 JWTs. A token carries at most what its creator may do, and at use
 * it is limited again to what its user may do now, so demoting or disabling a user takes effect at once.
 */
public final class TokenService {

    private static final List<Permission> LOTUS_ORDER = List.of(Permission.READ, Permission.WRITE, Permission.SIGN,
        Permission.ADMIN);
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final byte[] secret;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    public TokenService(Jdbi jdbi, byte[] secret, UserService users, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.secret = secret.clone();
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** What to create. {@code expiresIn} null = never; {@code lotus} = a plain token with only "Allow". */
    public record TokenRequest(String name, Set<Permission> permissions, Duration expiresIn, boolean lotus,
                               List<String> miners) {}

    /** Lotus' --perm: a permission and every one below it ("write" = read, write). */
    public static Set<Permission> upTo(Permission top) {
        if (top == Permission.PUBLIC) {
            throw new IllegalArgumentException("a token cannot be created for 'public'");
        }
        return EnumSet.copyOf(LOTUS_ORDER.subList(0, LOTUS_ORDER.indexOf(top) + 1));
    }

    public IssuedToken create(Actor actor, TokenRequest request) {
        actor.require(Permission.READ, "creating a token");
        Principal creator = actor.principal();
        if (request.permissions() == null || request.permissions().isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one permission (read, write, sign, admin)");
        }
        for (Permission p : request.permissions()) {
            if (!creator.may(p) || p == Permission.PUBLIC) {
                audit.record(actor, "token.create", "", Outcome.DENIED, "asked for " + names(request.permissions()));
                throw new AccessDeniedException(p, "a token cannot carry more than its creator may do: "
                    + creator.describe() + " lacks '" + p.lotusName() + "'");
            }
        }
        if (request.expiresIn() != null && (request.expiresIn().isNegative() || request.expiresIn().isZero())) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        List<String> miners = UserService.validMiners(request.miners());
        if (request.lotus()) {
            return createLotusToken(actor, request);
        }
        if (creator.username() == null || creator.kind() == Principal.Kind.LOTUS_TOKEN) {
            throw new AccessDeniedException(Permission.ADMIN,
                "a plain Lotus token can only create plain Lotus tokens (set lotus: true); sign in as a user instead");
        }
        return issue(actor, creator.username(), blank(request.name()) ? "token" : request.name().strip(),
            ApiToken.KIND_API, request.permissions(), request.expiresIn(), miners);
    }

    /** A short-lived token for a script that signed in with a password (POST /api/v1/session). */
    public IssuedToken createSessionToken(Actor actor, User user, Duration lifetime) {
        return issue(actor, user.username(), "session", ApiToken.KIND_SESSION, user.role().permissions(), lifetime,
            user.miners());
    }

    private IssuedToken issue(Actor actor, String username, String name, String kind, Set<Permission> permissions,
                              Duration expiresIn, List<String> miners) {
        User user = users.find(username).orElseThrow(() -> new NotFoundException("no user named '" + username + "'"));
        String jti = newJti();
        Instant now = clock.instant();
        Instant expiresAt = expiresIn == null ? null : now.plus(expiresIn);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("Allow", names(permissions));
        claims.put("sub", username);
        claims.put("jti", jti);
        if (expiresAt != null) {
            claims.put("exp", expiresAt.getEpochSecond());
        }
        if (!miners.isEmpty()) {
            claims.put("miners", miners);
        }
        String token = Jwt.sign(claims, secret);
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO api_token (jti, user_id, name, kind, permissions, miners, created_at, expires_at)
                VALUES (:jti, :user, :name, :kind, :perms, :miners, :created, :expires)""")
            .bind("jti", jti).bind("user", user.id()).bind("name", name).bind("kind", kind)
            .bind("perms", String.join(",", names(permissions))).bind("miners", String.join(",", miners))
            .bind("created", utc(now)).bind("expires", expiresAt == null ? null : utc(expiresAt))
            .execute());
        audit.record(actor, kind.equals(ApiToken.KIND_SESSION) ? "session.token" : "token.create", jti,
            Outcome.SUCCESS, "for " + username + ", allows " + String.join(",", names(permissions))
                + (expiresAt == null ? "" : ", expires " + expiresAt));
        return new IssuedToken(token, find(jti).orElseThrow());
    }

    private IssuedToken createLotusToken(Actor actor, TokenRequest request) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("Allow", names(request.permissions()));
        audit.record(actor, "token.create-lotus", "", Outcome.SUCCESS,
            "plain Lotus token allowing " + String.join(",", names(request.permissions())) + " (cannot be revoked)");
        return new IssuedToken(Jwt.sign(claims, secret), null);
    }

    public List<ApiToken> list(Actor actor, boolean everyone) {
        actor.require(Permission.READ, "listing tokens");
        if (everyone) {
            actor.require(Permission.ADMIN, "listing other users' tokens");
        }
        String username = actor.principal().username();
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT t.*, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id"
                + (everyone ? "" : " WHERE u.username = :u") + " ORDER BY t.created_at DESC");
            if (!everyone) {
                query.bind("u", username == null ? "" : username);
            }
            return query.map(TokenService::map).list();
        });
    }

    public ApiToken revoke(Actor actor, String jti) {
        ApiToken token = find(jti).orElseThrow(() -> new NotFoundException("no token with id '" + jti + "'"));
        if (!token.username().equals(actor.principal().username())) {
            actor.require(Permission.ADMIN, "revoking another user's token");
        }
        if (token.revokedAt() == null) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_token SET revoked_at = :t, revoked_by = :by WHERE jti = :j")
                .bind("t", utc(clock.instant())).bind("by", actor.principal().actorName()).bind("j", jti).execute());
        }
        audit.record(actor, "token.revoke", jti, Outcome.SUCCESS, "token of " + token.username());
        return find(jti).orElseThrow();
    }

    /** Checks a bearer token and returns who it speaks for; throws {@link AuthenticationException} saying why not. */
    public Principal verify(String token) {
        JsonNode claims;
        try {
            claims = Jwt.verify(token, secret);
        } catch (Jwt.InvalidTokenException e) {
            throw new AuthenticationException(e.getMessage());
        }
        Set<Permission> allowed = parseAllow(claims);
        Instant now = clock.instant();
        if (claims.has("exp") && !now.isBefore(Instant.ofEpochSecond(claims.get("exp").asLong()))) {
            throw new AuthenticationException("the token expired at " + Instant.ofEpochSecond(claims.get("exp").asLong()));
        }
        if (!claims.has("jti")) {
            if (claims.has("sub")) {
                throw new AuthenticationException("the token names a user but has no jti; it was not issued by this node");
            }
            return new Principal(Principal.Kind.LOTUS_TOKEN, null, null, allowed, null, List.of());
        }
        String jti = claims.get("jti").asString();
        ApiToken record = find(jti).orElseThrow(() -> new AuthenticationException("token " + jti + " is unknown to this node"));
        if (record.revokedAt() != null) {
            throw new AuthenticationException("token " + jti + " was revoked at " + record.revokedAt());
        }
        if (record.expiresAt() != null && !now.isBefore(record.expiresAt())) {
            throw new AuthenticationException("token " + jti + " expired at " + record.expiresAt());
        }
        User user = users.find(record.username())
            .orElseThrow(() -> new AuthenticationException("the token's user no longer exists"));
        if (!user.enabled()) {
            throw new AuthenticationException("user " + user.username() + " is disabled");
        }
        // A session token stands for the signed-in user, so it follows their current role; an API token
        // keeps its own narrower Allow list, cut down to the role if the user was demoted.
        boolean session = record.kind().equals(ApiToken.KIND_SESSION);
        Set<Permission> effective = EnumSet.noneOf(Permission.class);
        effective.addAll(session ? user.role().permissions() : allowed);
        effective.retainAll(user.role().permissions());
        touch(record, now);
        List<String> miners = record.miners().isEmpty() ? user.miners() : record.miners();
        return new Principal(session ? Principal.Kind.SESSION : Principal.Kind.TOKEN, user.username(), user.role(),
            effective, jti, miners);
    }

    private void touch(ApiToken record, Instant now) {
        if (record.lastUsedAt() == null || record.lastUsedAt().plus(LAST_USED_GRANULARITY).isBefore(now)) {
            jdbi.useHandle(h -> h.createUpdate("UPDATE api_token SET last_used_at = :t WHERE jti = :j")
                .bind("t", utc(now)).bind("j", record.jti()).execute());
        }
    }

    private static Set<Permission> parseAllow(JsonNode claims) {
        JsonNode allow = claims.get("Allow");
        if (allow == null || !allow.isArray()) {
            throw new AuthenticationException("the token has no Allow list of permissions");
        }
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        for (JsonNode p : allow) {
            try {
                perms.add(Permission.fromLotus(p.asString()));
            } catch (IllegalArgumentException e) {
                throw new AuthenticationException("the token allows an unknown permission '" + p.asString() + "'");
            }
        }
        return perms;
    }

    public java.util.Optional<ApiToken> find(String jti) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT t.*, u.username FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.jti = :j")
            .bind("j", jti).map(TokenService::map).findOne());
    }

    private static ApiToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        for (String p : rs.getString("permissions").split(",")) {
            perms.add(Permission.fromLotus(p));
        }
        String miners = rs.getString("miners");
        return new ApiToken(rs.getString("jti"), rs.getString("username"), rs.getString("name"), rs.getString("kind"),
            perms, miners.isEmpty() ? List.of() : List.of(miners.split(",")), instant(rs, "created_at"),
            instant(rs, "expires_at"), instant(rs, "revoked_at"), rs.getString("revoked_by"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static List<String> names(Set<Permission> permissions) {
        List<String> out = new ArrayList<>();
        for (Permission p : LOTUS_ORDER) {
            if (permissions.contains(p)) {
                out.add(p.lotusName());
            }
        }
        return out;
    }

    private static String newJti() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

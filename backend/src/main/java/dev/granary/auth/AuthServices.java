package dev.granary.auth;

import dev.granary.audit.AuditLog;
import dev.granary.node.NodeConfig;
import dev.granary.units.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;

/** Everything about who may do what, assembled once per node. */
public record AuthServices(AuditLog audit, UserService users, TokenService tokens, WebSessions sessions,
                           SignInService signIn, Duration sessionTokenLifetime, AccessRegistry registry) {

    public static final String TOKEN_SECRET_FILE = "token-secret";

    public static AuthServices create(Jdbi jdbi, Path home, NodeConfig.Auth config, Clock clock) {
        AuditLog audit = new AuditLog(jdbi, clock);
        WebSessions sessions = new WebSessions(Durations.parse(config.sessionIdleTimeout()), clock);
        UserService users = new UserService(jdbi, audit, clock, sessions::endAllOf);
        byte[] secret = SecretFiles.loadOrCreateSecret(home.resolve(TOKEN_SECRET_FILE));
        TokenService tokens = new TokenService(jdbi, secret, users, audit, clock);
        SignInThrottle throttle = new SignInThrottle(config.signInFreeAttempts(),
            Durations.parse(config.signInBaseDelay()), Durations.parse(config.signInMaxDelay()), clock);
        return new AuthServices(audit, users, tokens, sessions, new SignInService(users, throttle, audit),
            Durations.parse(config.sessionTokenLifetime()), new AccessRegistry());
    }

    /** The principal behind a browser session cookie, with the user's current role; empty when signed out. */
    public java.util.Optional<Principal> sessionPrincipal(String cookieValue) {
        return sessions.use(cookieValue).flatMap(this::principalOf);
    }

    /** The principal of a session already looked up: its user as they are now, if still enabled. */
    public java.util.Optional<Principal> principalOf(WebSession session) {
        return users.find(session.username()).filter(User::enabled).map(Principal::session);
    }
}

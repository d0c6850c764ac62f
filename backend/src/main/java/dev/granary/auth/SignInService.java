package dev.granary.auth;

import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.units.Durations;

/** Password sign-in for the dashboard and for scripts, throttled and audited. */
public final class SignInService {

    /** Deliberately the same for unknown users, wrong passwords and disabled accounts: no user enumeration. */
    static final String REFUSED = "wrong username or password, or the account is disabled";

    private final UserService users;
    private final SignInThrottle throttle;
    private final AuditLog audit;

    public SignInService(UserService users, SignInThrottle throttle, AuditLog audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The signed-in user; throws {@link ThrottledException} or {@link AuthenticationException}. */
    public User signIn(String username, String password, Actor anonymous) {
        String name = username == null ? "" : username.strip();
        var blocked = throttle.check(name, anonymous.clientAddress());
        if (blocked.isPresent()) {
            audit.record(anonymous, "session.sign-in", name, Outcome.DENIED, "throttled");
            throw new ThrottledException("too many failed sign-ins for " + blocked.get().who() + "; try again in "
                + Durations.format(blocked.get().retryAfter().plusSeconds(1)), blocked.get().retryAfter());
        }
        User user = users.find(name).orElse(null);
        String hash = user == null ? null : users.passwordHash(name).orElse(null);
        boolean ok = hash != null && PasswordHasher.verify(password == null ? new char[0] : password.toCharArray(), hash);
        if (!ok || !user.enabled()) {
            throttle.failed(name, anonymous.clientAddress());
            audit.record(anonymous, "session.sign-in", name, Outcome.DENIED,
                user == null ? "unknown user" : (!ok ? "wrong password" : "account disabled"));
            throw new AuthenticationException(REFUSED);
        }
        throttle.succeeded(name, anonymous.clientAddress());
        users.recordSignIn(name);
        Actor signedIn = new Actor(Principal.session(user), anonymous.clientAddress(), anonymous.requestId());
        audit.record(signedIn, "session.sign-in", name, Outcome.SUCCESS, "");
        return users.find(name).orElseThrow();
    }
}

package dev.granary.auth;

import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Users: who may sign in, with which role. Every change is checked against the actor and audited. */
public final class UserService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern MINER = Pattern.compile("[ft]0\\d+");

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final Consumer<String> credentialsChanged;

    /** @param credentialsChanged told the username when a user is disabled or their password changes */
    public UserService(Jdbi jdbi, AuditLog audit, Clock clock, Consumer<String> credentialsChanged) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.credentialsChanged = credentialsChanged;
    }

    public record NewUser(String username, String displayName, String password, String role, List<String> miners) {}

    public boolean anyUsers() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one()) > 0;
    }

    public List<User> list(Actor actor) {
        actor.require(Permission.ADMIN, "listing users");
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM app_user ORDER BY username").map(UserService::map).list());
    }

    public Optional<User> find(String username) {
        return jdbi.withHandle(h -> findIn(h, username));
    }

    public User get(Actor actor, String username) {
        if (!username.equals(actor.principal().username())) {
            actor.require(Permission.ADMIN, "reading another user");
        }
        return find(username).orElseThrow(() -> new NotFoundException("no user named '" + username + "'"));
    }

    public User create(Actor actor, NewUser spec) {
        actor.require(Permission.ADMIN, "creating a user");
        String username = validUsername(spec.username());
        Role role = Role.parse(spec.role());
        List<String> miners = validMiners(spec.miners());
        char[] password = validPassword(spec.password());
        String displayName = spec.displayName() == null || spec.displayName().isBlank() ? username : spec.displayName().strip();
        User created = jdbi.inTransaction(h -> {
            if (findIn(h, username).isPresent()) {
                throw new ConflictException("a user named '" + username + "' already exists");
            }
            insert(h, username, displayName, password, role, true, miners);
            return findIn(h, username).orElseThrow();
        });
        audit.record(actor, "user.create", username, Outcome.SUCCESS, "role " + role.id());
        return created;
    }

    /** First start: the admin account, with a generated password unless one is given. */
    public void createInitialAdmin(char[] password, boolean mustChange) {
        jdbi.useTransaction(h -> {
            insert(h, "admin", "Administrator", password, Role.ADMIN, mustChange, List.of());
        });
        audit.record(Actor.system(), "user.create", "admin", Outcome.SUCCESS, "initial administrator");
    }

    public User setEnabled(Actor actor, String username, boolean enabled) {
        actor.require(Permission.ADMIN, (enabled ? "enabling" : "disabling") + " a user");
        if (!enabled && username.equals(actor.principal().username())) {
            throw new IllegalArgumentException("you cannot disable yourself; ask another administrator");
        }
        User user = update(username, h -> {
            ensureAnotherAdminRemains(h, username, enabled ? null : "disabling");
            h.createUpdate("UPDATE app_user SET enabled = :e WHERE username = :u").bind("e", enabled).bind("u", username).execute();
        });
        if (!enabled) {
            credentialsChanged.accept(username);
        }
        audit.record(actor, enabled ? "user.enable" : "user.disable", username, Outcome.SUCCESS, "");
        return user;
    }

    public User setRole(Actor actor, String username, String roleText) {
        actor.require(Permission.ADMIN, "changing a user's role");
        Role role = Role.parse(roleText);
        User user = update(username, h -> {
            if (role != Role.ADMIN) {
                ensureAnotherAdminRemains(h, username, "demoting");
            }
            h.createUpdate("UPDATE app_user SET role = :r WHERE username = :u").bind("r", role.id()).bind("u", username).execute();
        });
        audit.record(actor, "user.set-role", username, Outcome.SUCCESS, "role " + role.id());
        return user;
    }

    public User setMiners(Actor actor, String username, List<String> miners) {
        actor.require(Permission.ADMIN, "changing a user's miner scope");
        List<String> valid = validMiners(miners);
        User user = update(username, h -> h.createUpdate("UPDATE app_user SET miners = :m WHERE username = :u")
            .bind("m", String.join(",", valid)).bind("u", username).execute());
        audit.record(actor, "user.set-miners", username, Outcome.SUCCESS,
            valid.isEmpty() ? "all miners" : String.join(",", valid));
        return user;
    }

    public User setDisplayName(Actor actor, String username, String displayName) {
        if (!username.equals(actor.principal().username())) {
            actor.require(Permission.ADMIN, "renaming another user");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("display name must be 1 to 200 characters");
        }
        User user = update(username, h -> h.createUpdate("UPDATE app_user SET display_name = :d WHERE username = :u")
            .bind("d", displayName.strip()).bind("u", username).execute());
        audit.record(actor, "user.rename", username, Outcome.SUCCESS, "");
        return user;
    }

    /** An administrator sets a new password; the user must change it at next sign-in. */
    public void resetPassword(Actor actor, String username, String newPassword) {
        actor.require(Permission.ADMIN, "resetting a user's password");
        char[] password = validPassword(newPassword);
        update(username, h -> setPassword(h, username, password, true));
        credentialsChanged.accept(username);
        audit.record(actor, "user.reset-password", username, Outcome.SUCCESS, "");
    }

    /** A user changes their own password, proving the current one. */
    public void changeOwnPassword(Actor actor, String currentPassword, String newPassword) {
        String username = actor.principal().username();
        if (actor.principal().kind() != Principal.Kind.SESSION && actor.principal().kind() != Principal.Kind.TOKEN) {
            throw new AccessDeniedException(Permission.READ, "only a signed-in user can change their password");
        }
        String hash = passwordHash(username).orElseThrow(() -> new NotFoundException("no user named '" + username + "'"));
        if (!PasswordHasher.verify(currentPassword == null ? new char[0] : currentPassword.toCharArray(), hash)) {
            audit.record(actor, "user.change-password", username, Outcome.DENIED, "current password wrong");
            throw new IllegalArgumentException("the current password is not correct");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        char[] password = validPassword(newPassword);
        update(username, h -> setPassword(h, username, password, false));
        audit.record(actor, "user.change-password", username, Outcome.SUCCESS, "");
    }

    Optional<String> passwordHash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = :u")
            .bind("u", username).mapTo(String.class).findOne());
    }

    void recordSignIn(String username) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_user SET last_login_at = :t WHERE username = :u")
            .bind("t", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).bind("u", username).execute());
    }

    private void insert(Handle h, String username, String displayName, char[] password, Role role, boolean mustChange,
                        List<String> miners) {
        h.createUpdate("""
                INSERT INTO app_user (username, display_name, password_hash, role, enabled, must_change_password,
                                      miners, created_at)
                VALUES (:u, :d, :p, :r, TRUE, :m, :miners, :t)""")
            .bind("u", username).bind("d", displayName).bind("p", PasswordHasher.hash(password))
            .bind("r", role.id()).bind("m", mustChange).bind("miners", String.join(",", miners))
            .bind("t", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .execute();
        Arrays.fill(password, '\0');
    }

    private static void setPassword(Handle h, String username, char[] password, boolean mustChange) {
        h.createUpdate("UPDATE app_user SET password_hash = :p, must_change_password = :m WHERE username = :u")
            .bind("p", PasswordHasher.hash(password)).bind("m", mustChange).bind("u", username).execute();
        Arrays.fill(password, '\0');
    }

    private static void ensureAnotherAdminRemains(Handle h, String username, String verb) {
        if (verb == null) {
            return;
        }
        long otherAdmins = h.createQuery("SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND enabled = TRUE"
                + " AND username <> :u").bind("u", username).mapTo(Long.class).one();
        boolean isAdmin = findIn(h, username).map(u -> u.role() == Role.ADMIN && u.enabled()).orElse(false);
        if (isAdmin && otherAdmins == 0) {
            throw new ConflictException(verb + " '" + username + "' would leave no enabled administrator");
        }
    }

    private User update(String username, java.util.function.Consumer<Handle> change) {
        return jdbi.inTransaction(h -> {
            if (findIn(h, username).isEmpty()) {
                throw new NotFoundException("no user named '" + username + "'");
            }
            change.accept(h);
            return findIn(h, username).orElseThrow();
        });
    }

    private static Optional<User> findIn(Handle h, String username) {
        return h.createQuery("SELECT * FROM app_user WHERE username = :u").bind("u", username).map(UserService::map).findOne();
    }

    private static User map(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String miners = rs.getString("miners");
        OffsetDateTime last = rs.getObject("last_login_at", OffsetDateTime.class);
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
            Role.parse(rs.getString("role")), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
            miners.isEmpty() ? List.of() : List.of(miners.split(",")),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), last == null ? null : last.toInstant());
    }

    static String validUsername(String username) {
        String u = username == null ? "" : username.strip();
        if (!USERNAME.matcher(u).matches()) {
            throw new IllegalArgumentException("username '" + username
                + "' must be 2-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        return u;
    }

    static char[] validPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("a password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return password.toCharArray();
    }

    static List<String> validMiners(List<String> miners) {
        if (miners == null) {
            return List.of();
        }
        for (String m : miners) {
            if (!MINER.matcher(m).matches()) {
                throw new IllegalArgumentException("miner '" + m + "' must be an ID address such as f01234");
            }
        }
        return List.copyOf(miners);
    }
}

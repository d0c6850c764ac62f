package dev.granary.alerts;

import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises and resolves alerts. Subsystems call {@link #raise} whenever they see a bad condition (often
 * every check) and {@link #resolve} when it is gone; only changes are logged, so a condition seen
 * every 10 s logs once. Messages must never hold secrets.
 */
public final class Alerts {

    private static final Logger log = LoggerFactory.getLogger(Alerts.class);
    private static final int MAX_LIST = 500;

    private final Jdbi jdbi;
    private final Clock clock;

    public Alerts(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Opens the alert {@code key}, or refreshes the open one (its severity and message may change). */
    public void raise(String key, Severity severity, String source, String message) {
        OffsetDateTime now = now();
        boolean opened = jdbi.inTransaction(h -> {
            Optional<Long> open = openId(h, key);
            if (open.isPresent()) {
                h.createUpdate("UPDATE alert SET severity = :severity, message = :message, last_seen_at = :now WHERE id = :id")
                    .bind("severity", severity.id()).bind("message", clip(message, 2000)).bind("now", now)
                    .bind("id", open.get()).execute();
                return false;
            }
            h.createUpdate("""
                    INSERT INTO alert (alert_key, severity, source, message, raised_at, last_seen_at)
                    VALUES (:key, :severity, :source, :message, :now, :now)""")
                .bind("key", clip(key, 300)).bind("severity", severity.id()).bind("source", clip(source, 64))
                .bind("message", clip(message, 2000)).bind("now", now).execute();
            return true;
        });
        if (opened) {
            log.warn("alert raised ({}): {}: {}", severity.id(), key, message);
        }
    }

    /** Closes the open alert {@code key}, if there is one, saying why. */
    public void resolve(String key, String resolution) {
        int closed = jdbi.withHandle(h -> h.createUpdate("""
                UPDATE alert SET resolved_at = :now, resolution = :resolution
                WHERE alert_key = :key AND resolved_at IS NULL""")
            .bind("now", now()).bind("resolution", clip(resolution, 1000)).bind("key", key).execute());
        if (closed > 0) {
            log.info("alert resolved: {}: {}", key, resolution);
        }
    }

    /** The open alert with this key, if any (no permission check: for the subsystems themselves). */
    public Optional<Alert> open(String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alert WHERE alert_key = :key AND resolved_at IS NULL")
            .bind("key", key).map((rs, ctx) -> read(rs)).findFirst());
    }

    /** Open alerts, most severe and newest first; with {@code includeResolved}, the latest resolved ones after them. */
    public List<Alert> list(Actor actor, boolean includeResolved, int limit) {
        actor.require(Permission.READ, "listing alerts");
        int n = Math.max(1, Math.min(limit, MAX_LIST));
        String where = includeResolved ? "" : " WHERE resolved_at IS NULL";
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM alert" + where
                + " ORDER BY CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END,"
                + " CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, raised_at DESC, id DESC"
                + " LIMIT " + n)
            .map((rs, ctx) -> read(rs)).list());
    }

    private static Optional<Long> openId(Handle h, String key) {
        return h.createQuery("SELECT id FROM alert WHERE alert_key = :key AND resolved_at IS NULL ORDER BY id LIMIT 1")
            .bind("key", key).mapTo(Long.class).findFirst();
    }

    private static Alert read(ResultSet rs) throws SQLException {
        OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
        return new Alert(rs.getLong("id"), rs.getString("alert_key"), Severity.parse(rs.getString("severity")),
            rs.getString("source"), rs.getString("message"), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
            rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(resolved).map(OffsetDateTime::toInstant),
            rs.getString("resolution") == null ? "" : rs.getString("resolution"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}

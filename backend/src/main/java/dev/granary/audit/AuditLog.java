package dev.granary.audit;

import dev.granary.auth.Actor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The append-only record of who did what. Callers pass targets and details that never contain
 * passwords, tokens or keys; this class only inserts and reads.
 */
public final class AuditLog {

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public void record(Actor actor, String action, String target, Outcome outcome, String detail) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO audit_log (at, actor, role, client_address, action, target, outcome, detail, request_id)
                VALUES (:at, :actor, :role, :address, :action, :target, :outcome, :detail, :requestId)""")
            .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .bind("actor", clip(actor.principal().actorName(), 200))
            .bind("role", actor.principal().roleName())
            .bind("address", clip(actor.clientAddress(), 100))
            .bind("action", clip(action, 200))
            .bind("target", clip(target == null ? "" : target, 500))
            .bind("outcome", outcome.id())
            .bind("detail", clip(detail == null ? "" : detail, 1000))
            .bind("requestId", clip(actor.requestId(), 64))
            .execute());
        actor.audited().set(true);
    }

    /** Reading the log is an administrator's right: it shows everyone's actions and addresses. */
    public Page<AuditEntry> query(Actor actor, AuditQuery q) {
        actor.require(dev.granary.auth.Permission.ADMIN, "reading the audit log");
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1 = 1");
        List<Object[]> binds = new ArrayList<>();
        like(sql, binds, "actor", q.actor());
        like(sql, binds, "action", q.action());
        like(sql, binds, "target", q.target());
        if (q.outcome() != null && !q.outcome().isBlank()) {
            sql.append(" AND outcome = :outcome");
            binds.add(new Object[] {"outcome", q.outcome().toLowerCase(Locale.ROOT)});
        }
        if (q.from() != null) {
            sql.append(" AND at >= :from");
            binds.add(new Object[] {"from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC)});
        }
        if (q.to() != null) {
            sql.append(" AND at < :to");
            binds.add(new Object[] {"to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC)});
        }
        if (q.before() != null) {
            sql.append(" AND id < :before");
            binds.add(new Object[] {"before", q.before()});
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(q.limit() + 1);
        List<AuditEntry> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(b -> query.bind((String) b[0], b[1]));
            return query.map((rs, ctx) -> new AuditEntry(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("role"),
                rs.getString("client_address"), rs.getString("action"), rs.getString("target"),
                rs.getString("outcome"), rs.getString("detail"), rs.getString("request_id"))).list();
        });
        boolean more = rows.size() > q.limit();
        List<AuditEntry> page = more ? rows.subList(0, q.limit()) : rows;
        return new Page<>(List.copyOf(page), more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    private static void like(StringBuilder sql, List<Object[]> binds, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND LOWER(").append(column).append(") LIKE :").append(column);
            binds.add(new Object[] {column, "%" + value.toLowerCase(Locale.ROOT).replace("%", "") + "%"});
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package dev.granary.messages;

import dev.granary.address.Address;
import dev.granary.audit.Page;
import dev.granary.chain.MessageLookup;
import dev.granary.fil.TokenAmount;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The tables of V5__messages.sql: outgoing messages, each sender's next nonce, and replacements. Methods
 * taking a {@link Handle} run inside the caller's transaction; the others open their own.
 */
final class MessageStore {

    private static final String COLUMNS = "SELECT * FROM outgoing_message";

    private final Jdbi jdbi;
    private final Clock clock;

    MessageStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** What a new row holds; the store adds id, times and the empty execution fields. */
    record NewMessage(SignedMessage signed, String purpose, TokenAmount maxFee, String createdBy,
                      Optional<String> idempotencyUser, Optional<String> idempotencyKey, String requestHash) {}

    // ---- nonces ----

    /**
     * Creates {@code sender}'s nonce row on first use, in its own transaction: a failed insert would
     * abort the caller's transaction on PostgreSQL, and another node may win the race.
     */
    void ensureNonceRow(Address sender, long chainNonce) {
        if (jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM message_nonce WHERE sender = :sender")
                .bind("sender", sender.toString()).mapTo(Long.class).one()) > 0) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO message_nonce (sender, next_nonce) VALUES (:sender, :nonce)")
                .bind("sender", sender.toString()).bind("nonce", chainNonce).execute());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /**
     * Locks {@code sender}'s nonce row (see {@link #ensureNonceRow}) for the rest of the transaction and
     * returns the nonce the next message takes: the stored next nonce or the chain's, whichever is higher.
     */
    long lockNextNonce(Handle h, Address sender, long chainNonce) {
        long stored = selectNonceForUpdate(h, sender).orElseThrow(() -> new IllegalStateException(
            "the nonce row of " + sender + " is missing; it is created before a nonce is taken"));
        return Math.max(stored, chainNonce);
    }

    private static Optional<Long> selectNonceForUpdate(Handle h, Address sender) {
        return h.createQuery("SELECT next_nonce FROM message_nonce WHERE sender = :sender FOR UPDATE")
            .bind("sender", sender.toString()).mapTo(Long.class).findFirst();
    }

    void setNextNonce(Handle h, Address sender, long next) {
        h.createUpdate("UPDATE message_nonce SET next_nonce = :next WHERE sender = :sender")
            .bind("next", next).bind("sender", sender.toString()).execute();
    }

    // ---- messages ----

    long insert(Handle h, NewMessage m) {
        var msg = m.signed().message();
        OffsetDateTime now = now();
        return h.createUpdate("""
                INSERT INTO outgoing_message (sender, nonce, live_nonce, receiver, value_atto, method, purpose, state, cid,
                    signed_message, gas_limit, gas_fee_cap, gas_premium, max_fee, created_by, created_at, updated_at,
                    replacements, error, idempotency_user, idempotency_key, request_hash)
                VALUES (:sender, :nonce, :nonce, :receiver, :value, :method, :purpose, :state, :cid, :signed, :gasLimit,
                    :feeCap, :premium, :maxFee, :createdBy, :now, :now, 0, '', :idemUser, :idemKey, :hash)""")
            .bind("sender", msg.from().toString()).bind("nonce", msg.nonce()).bind("receiver", msg.to().toString())
            .bind("value", msg.value().attoFil().toString()).bind("method", msg.method()).bind("purpose", m.purpose())
            .bind("state", MessageState.RECORDED.name()).bind("cid", m.signed().cid().toString())
            .bind("signed", base64(m.signed().toCbor())).bind("gasLimit", msg.gasLimit())
            .bind("feeCap", msg.gasFeeCap().attoFil().toString()).bind("premium", msg.gasPremium().attoFil().toString())
            .bind("maxFee", m.maxFee().attoFil().toString()).bind("createdBy", clip(m.createdBy(), 200))
            .bind("now", now).bind("idemUser", m.idempotencyUser().orElse(null))
            .bind("idemKey", m.idempotencyKey().orElse(null)).bind("hash", m.requestHash())
            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<StoredMessage> byId(long id) {
        return jdbi.withHandle(h -> byId(h, id));
    }

    Optional<StoredMessage> byId(Handle h, long id) {
        return h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id).map((rs, ctx) -> read(rs)).findFirst();
    }

    Optional<StoredMessage> byIdempotency(String user, String key) {
        return jdbi.withHandle(h -> byIdempotency(h, user, key));
    }

    Optional<StoredMessage> byIdempotency(Handle h, String user, String key) {
        return h.createQuery(COLUMNS + " WHERE idempotency_user = :user AND idempotency_key = :key")
            .bind("user", user).bind("key", key).map((rs, ctx) -> read(rs)).findFirst();
    }

    /** The message pushed now under {@code cid}, executed under it, or replaced away from it. */
    Optional<StoredMessage> byCid(Cid cid) {
        String text = cid.toString();
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE cid = :cid OR executed_cid = :cid"
                + " OR id IN (SELECT message_id FROM message_replacement WHERE old_cid = :cid OR new_cid = :cid)"
                + " ORDER BY id DESC LIMIT 1")
            .bind("cid", text).map((rs, ctx) -> read(rs)).findFirst());
    }

    /** Messages in {@code state}, oldest sender sequence first (by sender, then nonce). */
    List<StoredMessage> inState(MessageState state) {
        return jdbi.withHandle(h -> h.createQuery(COLUMNS + " WHERE state = :state ORDER BY sender, nonce, id")
            .bind("state", state.name()).map((rs, ctx) -> read(rs)).list());
    }

    Page<OutgoingMessage> list(MessageQuery q) {
        StringBuilder sql = new StringBuilder(COLUMNS + " WHERE 1 = 1");
        List<Object[]> binds = new ArrayList<>();
        q.from().ifPresent(a -> {
            sql.append(" AND sender = :sender");
            binds.add(new Object[] {"sender", a.toString()});
        });
        q.state().ifPresent(s -> {
            sql.append(" AND state = :state");
            binds.add(new Object[] {"state", s.name()});
        });
        q.before().ifPresent(b -> {
            sql.append(" AND id < :before");
            binds.add(new Object[] {"before", b});
        });
        int limit = Math.max(1, q.limit());
        sql.append(" ORDER BY id DESC LIMIT ").append(limit + 1);
        List<OutgoingMessage> rows = jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            binds.forEach(b -> query.bind((String) b[0], b[1]));
            return query.map((rs, ctx) -> read(rs).view()).list();
        });
        boolean more = rows.size() > limit;
        List<OutgoingMessage> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(List.copyOf(page), more ? String.valueOf(page.getLast().id()) : null);
    }

    // ---- state changes ----

    void markPushed(long id, long epoch) {
        update("UPDATE outgoing_message SET state = :state, pushed_epoch = :epoch, error = '', updated_at = :now"
            + " WHERE id = :id", id, u -> u.bind("state", MessageState.PUSHED.name()).bind("epoch", epoch));
    }

    /**
     * REJECTED, and the nonce given back when no later message took the next one (under the sender lock
     * none can have), so the sender's next message reuses it and no gap is left.
     */
    void markRejected(StoredMessage m, String error) {
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE outgoing_message SET state = :state, live_nonce = NULL, error = :error,"
                    + " updated_at = :now WHERE id = :id")
                .bind("state", MessageState.REJECTED.name()).bind("error", clip(error, 2000)).bind("now", now())
                .bind("id", m.id()).execute();
            h.createUpdate("UPDATE message_nonce SET next_nonce = :nonce WHERE sender = :sender AND next_nonce = :after")
                .bind("nonce", m.view().nonce()).bind("after", m.view().nonce() + 1)
                .bind("sender", m.view().from().toString()).execute();
        });
    }

    /** A note on a pending message (why a re-push or replacement failed); empty clears it. */
    void setError(long id, String error) {
        update("UPDATE outgoing_message SET error = :error, updated_at = :now WHERE id = :id", id,
            u -> u.bind("error", clip(error, 2000)));
    }

    /** Final without execution: the nonce went to a message this node did not send. */
    void markLost(long id, String error) {
        update("UPDATE outgoing_message SET state = :state, error = :error, updated_at = :now WHERE id = :id", id,
            u -> u.bind("state", MessageState.FAILED.name()).bind("error", clip(error, 2000)));
    }

    void markExecuted(long id, MessageLookup lookup, MessageState state) {
        update("""
                UPDATE outgoing_message SET state = :state, executed_cid = :cid, executed_epoch = :epoch,
                    exit_code = :exit, return_value = :ret, gas_used = :gasUsed, error = :error, updated_at = :now
                WHERE id = :id""", id, u -> u.bind("state", state.name()).bind("cid", lookup.message().toString())
            .bind("epoch", lookup.height()).bind("exit", lookup.receipt().exitCode())
            .bind("ret", base64(lookup.receipt().returnValue())).bind("gasUsed", lookup.receipt().gasUsed())
            .bind("error", state == MessageState.FAILED ? "exit code " + lookup.receipt().exitCode() : ""));
    }

    void markConfirmed(long id) {
        update("UPDATE outgoing_message SET state = :state, updated_at = :now WHERE id = :id", id,
            u -> u.bind("state", MessageState.CONFIRMED.name()));
    }

    /**
     * Records a replacement before it is pushed (so a crash in between leaves the new signed bytes to be
     * pushed again at start, and the old CID still searchable); returns the replacement's id.
     */
    long recordReplacement(StoredMessage old, SignedMessage replacement, long epoch, String reason, String actor) {
        return jdbi.inTransaction(h -> {
            var m = replacement.message();
            h.createUpdate("""
                    UPDATE outgoing_message SET cid = :cid, signed_message = :signed, gas_limit = :gasLimit,
                        gas_fee_cap = :feeCap, gas_premium = :premium, pushed_epoch = :epoch,
                        replacements = replacements + 1, error = '', updated_at = :now
                    WHERE id = :id""")
                .bind("cid", replacement.cid().toString()).bind("signed", base64(replacement.toCbor()))
                .bind("gasLimit", m.gasLimit()).bind("feeCap", m.gasFeeCap().attoFil().toString())
                .bind("premium", m.gasPremium().attoFil().toString()).bind("epoch", epoch).bind("now", now())
                .bind("id", old.id()).execute();
            var o = old.signed().message();
            return h.createUpdate("""
                    INSERT INTO message_replacement (message_id, at, epoch, old_cid, new_cid, old_premium, new_premium,
                        old_fee_cap, new_fee_cap, reason, actor)
                    VALUES (:id, :now, :epoch, :oldCid, :newCid, :oldPremium, :newPremium, :oldCap, :newCap, :reason, :actor)""")
                .bind("id", old.id()).bind("now", now()).bind("epoch", epoch).bind("oldCid", old.signed().cid().toString())
                .bind("newCid", replacement.cid().toString()).bind("oldPremium", o.gasPremium().attoFil().toString())
                .bind("newPremium", m.gasPremium().attoFil().toString()).bind("oldCap", o.gasFeeCap().attoFil().toString())
                .bind("newCap", m.gasFeeCap().attoFil().toString()).bind("reason", clip(reason, 1000))
                .bind("actor", clip(actor, 200))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    /**
     * Undoes {@link #recordReplacement} when the pool refused the replacement: the old message is still
     * the pending one. {@code pushedEpoch} restarts the replacement clock (an automatic retry waits again).
     */
    void revertReplacement(StoredMessage old, long replacementId, long pushedEpoch, String error) {
        jdbi.useTransaction(h -> {
            var o = old.signed().message();
            h.createUpdate("DELETE FROM message_replacement WHERE id = :rid").bind("rid", replacementId).execute();
            h.createUpdate("""
                    UPDATE outgoing_message SET cid = :cid, signed_message = :signed, gas_limit = :gasLimit,
                        gas_fee_cap = :feeCap, gas_premium = :premium, pushed_epoch = :epoch,
                        replacements = replacements - 1, error = :error, updated_at = :now
                    WHERE id = :id""")
                .bind("cid", old.signed().cid().toString()).bind("signed", base64(old.signed().toCbor()))
                .bind("gasLimit", o.gasLimit()).bind("feeCap", o.gasFeeCap().attoFil().toString())
                .bind("premium", o.gasPremium().attoFil().toString())
                .bind("epoch", pushedEpoch)
                .bind("error", clip(error, 2000)).bind("now", now()).bind("id", old.id()).execute();
        });
    }

    List<Replacement> replacements(long messageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM message_replacement WHERE message_id = :id ORDER BY id")
            .bind("id", messageId).map((rs, ctx) -> new Replacement(rs.getLong("id"), rs.getLong("message_id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getLong("epoch"), Cid.parse(rs.getString("old_cid")),
                Cid.parse(rs.getString("new_cid")), atto(rs.getString("old_premium")), atto(rs.getString("new_premium")),
                atto(rs.getString("old_fee_cap")), atto(rs.getString("new_fee_cap")), rs.getString("reason"),
                rs.getString("actor")))
            .list());
    }

    /** Every CID the message was pushed under, the current one first. */
    List<Cid> allCids(StoredMessage m) {
        List<Cid> cids = new ArrayList<>();
        cids.add(m.view().cid());
        for (Replacement r : replacements(m.id())) {
            if (!cids.contains(r.oldCid())) {
                cids.add(r.oldCid());
            }
        }
        return cids;
    }

    // ---- reading rows ----

    private StoredMessage read(ResultSet rs) throws SQLException {
        SignedMessage signed = SignedMessage.fromCbor(unbase64(rs.getString("signed_message")));
        var m = signed.message();
        String executedCid = rs.getString("executed_cid");
        String returned = rs.getString("return_value");
        OutgoingMessage view = new OutgoingMessage(rs.getLong("id"), Address.parse(rs.getString("sender")),
            rs.getLong("nonce"), Address.parse(rs.getString("receiver")), atto(rs.getString("value_atto")),
            rs.getLong("method"), rs.getString("purpose"), MessageState.valueOf(rs.getString("state")),
            Cid.parse(rs.getString("cid")), m.gasLimit(), m.gasFeeCap(), m.gasPremium(), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant(), optionalLong(rs, "pushed_epoch"),
            Optional.ofNullable(executedCid).map(Cid::parse), optionalLong(rs, "executed_epoch"),
            optionalLong(rs, "exit_code"), returned == null ? new byte[0] : unbase64(returned),
            optionalLong(rs, "gas_used"), rs.getInt("replacements"), rs.getString("error"));
        return new StoredMessage(view, signed, atto(rs.getString("max_fee")), rs.getString("request_hash"));
    }

    private static OptionalLong optionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private void update(String sql, long id, java.util.function.Consumer<org.jdbi.v3.core.statement.Update> binds) {
        jdbi.useHandle(h -> {
            var u = h.createUpdate(sql).bind("id", id).bind("now", now());
            binds.accept(u);
            u.execute();
        });
    }

    private static TokenAmount atto(String text) {
        return TokenAmount.ofAtto(new java.math.BigInteger(text));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] unbase64(String text) {
        return Base64.getDecoder().decode(text);
    }

    static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}

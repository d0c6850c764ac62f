package dev.granary.wallet.watermark;

import dev.granary.address.Address;
import dev.granary.fil.TokenAmount;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Table wallet_watermark: one balance band per address and what its last top-up did. */
final class WatermarkStore {

    /** A stored watermark plus what keys its next top-up: when it was created and how many went out since. */
    record Row(Watermark watermark, Instant created, long topUps) {

        /**
         * The idempotency key of the next top-up: the same after a crash between sending and
         * {@link #toppedUp}, so nothing is sent twice; the creation time tells a watermark set again after
         * a removal (whose count starts at zero again) from the removed one.
         */
        String nextTopUpKey() {
            return "watermark-top-up:" + watermark.address() + ":" + created.toEpochMilli() + ":" + (topUps + 1);
        }
    }

    private final Jdbi jdbi;

    WatermarkStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Row> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM wallet_watermark ORDER BY address")
            .map((rs, ctx) -> read(rs)).list());
    }

    Optional<Row> find(Address address) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM wallet_watermark WHERE address = :a")
            .bind("a", address.toString()).map((rs, ctx) -> read(rs)).findFirst());
    }

    /** Inserts or changes the band; what the last top-up did is kept. */
    void upsert(Address address, TokenAmount low, TokenAmount high, Address funding, Instant at, String by) {
        OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("""
                    UPDATE wallet_watermark SET low_atto = :low, high_atto = :high, funding = :funding,
                        updated_at = :now, updated_by = :by WHERE address = :a""")
                .bind("low", low.attoFil().toString()).bind("high", high.attoFil().toString())
                .bind("funding", funding.toString()).bind("now", now).bind("by", by).bind("a", address.toString())
                .execute();
            if (updated == 0) {
                h.createUpdate("""
                        INSERT INTO wallet_watermark (address, low_atto, high_atto, funding, created_at, updated_at,
                            updated_by, top_up_count, last_error)
                        VALUES (:a, :low, :high, :funding, :now, :now, :by, 0, '')""")
                    .bind("a", address.toString()).bind("low", low.attoFil().toString())
                    .bind("high", high.attoFil().toString()).bind("funding", funding.toString()).bind("now", now)
                    .bind("by", by).execute();
            }
        });
    }

    boolean delete(Address address) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM wallet_watermark WHERE address = :a")
            .bind("a", address.toString()).execute()) > 0;
    }

    /** A top-up reached the message service: the rate limit counts from {@code at}. */
    void toppedUp(Address address, Instant at, long messageId, String error) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE wallet_watermark SET last_top_up_at = :at, last_message_id = :id,
                    top_up_count = top_up_count + 1, last_error = :error WHERE address = :a""")
            .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).bind("id", messageId).bind("error", clip(error))
            .bind("a", address.toString()).execute());
    }

    void lastError(Address address, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE wallet_watermark SET last_error = :error WHERE address = :a")
            .bind("error", clip(error)).bind("a", address.toString()).execute());
    }

    private static Row read(ResultSet rs) throws SQLException {
        OffsetDateTime last = rs.getObject("last_top_up_at", OffsetDateTime.class);
        long messageId = rs.getLong("last_message_id");
        Optional<Long> message = rs.wasNull() ? Optional.empty() : Optional.of(messageId);
        Watermark w = new Watermark(Address.parse(rs.getString("address")), atto(rs.getString("low_atto")),
            atto(rs.getString("high_atto")), Address.parse(rs.getString("funding")),
            Optional.ofNullable(last).map(OffsetDateTime::toInstant), message, rs.getString("last_error"));
        return new Row(w, rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("top_up_count"));
    }

    private static TokenAmount atto(String text) {
        return TokenAmount.ofAtto(new BigInteger(text));
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}

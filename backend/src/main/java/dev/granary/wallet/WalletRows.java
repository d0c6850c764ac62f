package dev.granary.wallet;

import dev.granary.address.Address;
import dev.granary.audit.Page;
import dev.granary.crypto.KeyType;
import dev.granary.errors.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The wallet store's tables (V4__wallets.sql): the header row, the encrypted keys, the signature record. */
final class WalletRows {

    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** The store's header: how its key is derived and the verifier that checks a passphrase. */
    record Header(StoreKey.KdfParams kdf, StoreKey.Sealed verifier) {}

    /** One key row; the private key only as ciphertext. */
    record KeyRow(Address address, KeyType type, String label, boolean isDefault, StoreKey.Sealed sealed,
                  Instant createdAt) {}

    private final Jdbi jdbi;

    WalletRows(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Header> header() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM wallet_store WHERE id = 1")
            .map((rs, ctx) -> new Header(
                new StoreKey.KdfParams(rs.getString("kdf"), rs.getInt("kdf_memory_kib"), rs.getInt("kdf_iterations"),
                    rs.getInt("kdf_parallelism"), B64D.decode(rs.getString("salt"))),
                new StoreKey.Sealed(B64D.decode(rs.getString("verifier_nonce")), B64D.decode(rs.getString("verifier")))))
            .findFirst());
    }

    /** Writes the header unless one exists (two first unlocks racing): true when this call wrote it. */
    boolean insertHeader(Header header, Instant now) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM wallet_store").mapTo(Integer.class).one() > 0) {
                return false;
            }
            h.createUpdate("""
                    INSERT INTO wallet_store (id, kdf, kdf_memory_kib, kdf_iterations, kdf_parallelism, salt,
                        verifier_nonce, verifier, created_at)
                    VALUES (1, :kdf, :m, :t, :p, :salt, :vn, :v, :at)""")
                .bind("kdf", header.kdf().kdf()).bind("m", header.kdf().memoryKib())
                .bind("t", header.kdf().iterations()).bind("p", header.kdf().parallelism())
                .bind("salt", B64.encodeToString(header.kdf().salt()))
                .bind("vn", B64.encodeToString(header.verifier().nonce()))
                .bind("v", B64.encodeToString(header.verifier().ciphertext()))
                .bind("at", utc(now)).execute();
            return true;
        });
    }

    /** Default first, then oldest first. */
    List<KeyRow> keys() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM wallet_key ORDER BY CASE WHEN is_default THEN 0 ELSE 1 END, created_at, address")
            .map((rs, ctx) -> keyRow(rs)).list());
    }

    Optional<KeyRow> key(Address address) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM wallet_key WHERE address = :a")
            .bind("a", address.toString()).map((rs, ctx) -> keyRow(rs)).findFirst());
    }

    Optional<Address> defaultAddress() {
        return jdbi.withHandle(h -> h.createQuery("SELECT address FROM wallet_key WHERE is_default ORDER BY created_at LIMIT 1")
            .mapTo(String.class).findFirst().map(Address::parse));
    }

    /** Inserts a key; it becomes the default when the store has none. ConflictException when it is there already. */
    KeyRow insertKey(Address address, KeyType type, String label, StoreKey.Sealed sealed, Instant now) {
        return jdbi.inTransaction(h -> {
            if (exists(h, address)) {
                throw new ConflictException(address + " is already in the wallet store; nothing was changed");
            }
            boolean first = h.createQuery("SELECT COUNT(*) FROM wallet_key WHERE is_default").mapTo(Integer.class).one() == 0;
            h.createUpdate("""
                    INSERT INTO wallet_key (address, key_type, label, is_default, key_nonce, ciphertext, created_at)
                    VALUES (:a, :type, :label, :def, :nonce, :ct, :at)""")
                .bind("a", address.toString()).bind("type", type.lotusName()).bind("label", label).bind("def", first)
                .bind("nonce", B64.encodeToString(sealed.nonce())).bind("ct", B64.encodeToString(sealed.ciphertext()))
                .bind("at", utc(now)).execute();
            return new KeyRow(address, type, label, first, sealed, now);
        });
    }

    /** Makes {@code address} the only default; false when it is not in the store. */
    boolean setDefault(Address address) {
        return jdbi.inTransaction(h -> {
            if (!exists(h, address)) {
                return false;
            }
            h.createUpdate("UPDATE wallet_key SET is_default = FALSE WHERE is_default AND address <> :a")
                .bind("a", address.toString()).execute();
            h.createUpdate("UPDATE wallet_key SET is_default = TRUE WHERE address = :a").bind("a", address.toString()).execute();
            return true;
        });
    }

    boolean setLabel(Address address, String label) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE wallet_key SET label = :label WHERE address = :a")
            .bind("label", label).bind("a", address.toString()).execute()) > 0;
    }

    boolean delete(Address address) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM wallet_key WHERE address = :a")
            .bind("a", address.toString()).execute()) > 0;
    }

    void recordSignature(Instant at, Address address, Optional<String> messageCid, String reason, String actor) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO wallet_signature (at, address, message_cid, reason, actor)
                VALUES (:at, :a, :cid, :reason, :actor)""")
            .bind("at", utc(at)).bind("a", address.toString()).bind("cid", messageCid.orElse(null))
            .bind("reason", clip(reason, 500)).bind("actor", clip(actor, 200)).execute());
    }

    /** Newest first; {@code before} is an id cursor, as the audit log's. */
    Page<SignatureRecord> signatures(Optional<Address> address, Optional<Long> before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM wallet_signature WHERE 1 = 1");
        address.ifPresent(a -> sql.append(" AND address = :a"));
        before.ifPresent(b -> sql.append(" AND id < :before"));
        sql.append(" ORDER BY id DESC LIMIT ").append(limit + 1);
        List<SignatureRecord> rows = jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString());
            address.ifPresent(a -> query.bind("a", a.toString()));
            before.ifPresent(b -> query.bind("before", b));
            return query.map((rs, ctx) -> new SignatureRecord(rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class).toInstant(), Address.parse(rs.getString("address")),
                Optional.ofNullable(rs.getString("message_cid")), rs.getString("reason"), rs.getString("actor"))).list();
        });
        boolean more = rows.size() > limit;
        List<SignatureRecord> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(List.copyOf(page), more ? String.valueOf(page.getLast().id()) : null);
    }

    private static boolean exists(Handle h, Address address) {
        return h.createQuery("SELECT COUNT(*) FROM wallet_key WHERE address = :a").bind("a", address.toString())
            .mapTo(Integer.class).one() > 0;
    }

    private static KeyRow keyRow(ResultSet rs) throws SQLException {
        KeyType type = KeyType.byLotusName(rs.getString("key_type")).orElseThrow(() -> new IllegalStateException(
            "wallet key row has unknown key type '" + safe(rs, "key_type") + "'; the database was changed by hand"));
        return new KeyRow(Address.parse(rs.getString("address")), type, rs.getString("label"), rs.getBoolean("is_default"),
            new StoreKey.Sealed(B64D.decode(rs.getString("key_nonce")), B64D.decode(rs.getString("ciphertext"))),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String safe(ResultSet rs, String column) {
        try {
            return rs.getString(column);
        } catch (SQLException e) {
            return "?";
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}

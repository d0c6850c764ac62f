package dev.granary.node;

import dev.granary.db.Database;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The node's id, created at first start and kept in both stores. Matching ids prove that the database
 * and RocksDB belong together; a mismatch (say, one restored from another node's backup) stops the node.
 */
public record NodeIdentity(String nodeId, Instant firstStartedAt, long starts) {

    public static final byte[] KV_KEY = "node-id".getBytes(StandardCharsets.UTF_8);

    /** Establishes the id on first start, checks it on later ones, and records this start. */
    public static NodeIdentity establish(Database db, KvStore kv, BuildInfo build, Instant now) {
        String id = db.jdbi().inTransaction(h -> {
            String existing = h.createQuery("SELECT meta_value FROM node_meta WHERE meta_key = 'node-id'")
                .mapTo(String.class).findOne().orElse(null);
            if (existing != null) {
                return existing;
            }
            String fresh = UUID.randomUUID().toString();
            h.createUpdate("INSERT INTO node_meta (meta_key, meta_value) VALUES ('node-id', :v)").bind("v", fresh).execute();
            h.createUpdate("INSERT INTO node_meta (meta_key, meta_value) VALUES ('first-started-at', :v)")
                .bind("v", now.toString()).execute();
            return fresh;
        });
        checkKv(kv, id);
        return db.jdbi().inTransaction(h -> {
            h.createUpdate("INSERT INTO node_start (started_at, version, host, pid) VALUES (:at, :version, :host, :pid)")
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .bind("version", build.version())
                .bind("host", ProcessInfo.hostName())
                .bind("pid", ProcessInfo.pid())
                .execute();
            Instant first = Instant.parse(h.createQuery("SELECT meta_value FROM node_meta WHERE meta_key = 'first-started-at'")
                .mapTo(String.class).one());
            long starts = h.createQuery("SELECT COUNT(*) FROM node_start").mapTo(Long.class).one();
            return new NodeIdentity(id, first, starts);
        });
    }

    private static void checkKv(KvStore kv, String id) {
        byte[] stored = kv.get(ColumnFamily.META, KV_KEY);
        if (stored == null) {
            kv.putDurably(ColumnFamily.META, KV_KEY, id.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String kvId = new String(stored, StandardCharsets.UTF_8);
        if (!kvId.equals(id)) {
            throw new IllegalStateException("checking node identity: RocksDB at " + kv.dir() + " belongs to node "
                + kvId + " but the database belongs to node " + id
                + "; restore the database and RocksDB from the same backup");
        }
    }
}

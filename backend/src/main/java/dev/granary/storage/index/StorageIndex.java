package dev.granary.storage.index;

import dev.granary.storage.Reservation;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.storage.path.StoreMeta;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage index in the relational database (V7__storage.sql): paths, the sector files each holds,
 * reservations and known remotes. No permission checks here: {@link dev.granary.storage.StorageService}
 * does them. SQL is portable between H2 and PostgreSQL (no MERGE: update, then insert when nothing matched).
 */
public final class StorageIndex {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbi jdbi;

    public StorageIndex(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- paths

    public void insertPath(PathRow p) {
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO storage_path (id, node_id, remote_name, local_path, weight, can_seal, can_store, max_storage,
                    groups_json, allow_to_json, allow_types_json, deny_types_json, allow_miners_json, deny_miners_json,
                    capacity, fs_available, used, healthy, last_heartbeat, last_error, attached_at)
                VALUES (:id, :node, :remote, :local, :weight, :canSeal, :canStore, :maxStorage, :groups, :allowTo,
                    :allowTypes, :denyTypes, :allowMiners, :denyMiners, :capacity, :fsAvailable, :used, :healthy,
                    :heartbeat, :error, :attached)""")
            .bind("id", p.id()).bind("node", p.nodeId()).bind("remote", p.remoteName()).bind("local", p.localPath())
            .bindMap(metaBinds(p.meta()))
            .bind("capacity", p.capacity()).bind("fsAvailable", p.fsAvailable()).bind("used", p.used())
            .bind("healthy", p.healthy()).bind("heartbeat", time(p.lastHeartbeat())).bind("error", p.lastError())
            .bind("attached", time(p.attachedAt())).execute());
    }

    public void updateMeta(String id, StoreMeta meta) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE storage_path SET weight = :weight, can_seal = :canSeal, can_store = :canStore,
                    max_storage = :maxStorage, groups_json = :groups, allow_to_json = :allowTo,
                    allow_types_json = :allowTypes, deny_types_json = :denyTypes, allow_miners_json = :allowMiners,
                    deny_miners_json = :denyMiners WHERE id = :id""")
            .bindMap(metaBinds(meta)).bind("id", id).execute());
    }

    /** A successful heartbeat: the measurement, healthy, no error. */
    public void recordHeartbeat(String id, long capacity, long fsAvailable, long used, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("""
                UPDATE storage_path SET capacity = :capacity, fs_available = :fsAvailable, used = :used, healthy = TRUE,
                    last_heartbeat = :at, last_error = NULL WHERE id = :id""")
            .bind("capacity", capacity).bind("fsAvailable", fsAvailable).bind("used", used).bind("at", time(at))
            .bind("id", id).execute());
    }

    /** A measurement after files were added or moved: capacity and usage only, health as it was. */
    public void recordUsage(String id, long capacity, long fsAvailable, long used) {
        jdbi.useHandle(h -> h.createUpdate(
                "UPDATE storage_path SET capacity = :capacity, fs_available = :fsAvailable, used = :used WHERE id = :id")
            .bind("capacity", capacity).bind("fsAvailable", fsAvailable).bind("used", used).bind("id", id).execute());
    }

    /** A failed heartbeat (or none for too long): unhealthy with the reason; the last good heartbeat stays. */
    public void recordFailure(String id, String error) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE storage_path SET healthy = FALSE, last_error = :error WHERE id = :id")
            .bind("error", clip(error, 2000)).bind("id", id).execute());
    }

    public void deletePath(String id) {
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM storage_reservation WHERE path_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM storage_sector_file WHERE path_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM storage_path WHERE id = :id").bind("id", id).execute();
        });
    }

    public List<PathRow> paths() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM storage_path ORDER BY attached_at, id")
            .map((rs, ctx) -> readPath(rs)).list());
    }

    public Optional<PathRow> path(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM storage_path WHERE id = :id").bind("id", id)
            .map((rs, ctx) -> readPath(rs)).findFirst());
    }

    public Optional<PathRow> pathByLocal(String nodeId, String localPath) {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT * FROM storage_path WHERE node_id = :node AND remote_name IS NULL AND local_path = :local")
            .bind("node", nodeId).bind("local", localPath).map((rs, ctx) -> readPath(rs)).findFirst());
    }

    /** Paths this node holds on its own disks (the ones it heartbeats). */
    public List<PathRow> localPaths(String nodeId) {
        return paths().stream().filter(p -> p.remoteName() == null && p.nodeId().equals(nodeId)).toList();
    }

    // ---- sector files

    /** Records that {@code pathId} holds the file (again: size and primary are refreshed). */
    public void declare(String pathId, SectorName sector, SectorFileType type, boolean primary, long size, Instant at) {
        jdbi.useTransaction(h -> declare(h, pathId, sector, type, primary, size, at));
    }

    static void declare(Handle h, String pathId, SectorName sector, SectorFileType type, boolean primary, long size,
                        Instant at) {
        int updated = h.createUpdate("""
                UPDATE storage_sector_file SET is_primary = :primary, size_bytes = :size
                WHERE path_id = :path AND miner = :miner AND sector_number = :number AND file_type = :type""")
            .bind("primary", primary).bind("size", size).bindMap(fileKey(pathId, sector, type)).execute();
        if (updated == 0) {
            h.createUpdate("""
                    INSERT INTO storage_sector_file (path_id, miner, sector_number, file_type, is_primary, size_bytes,
                        declared_at) VALUES (:path, :miner, :number, :type, :primary, :size, :at)""")
                .bindMap(fileKey(pathId, sector, type)).bind("primary", primary).bind("size", size).bind("at", time(at))
                .execute();
        }
    }

    public boolean drop(String pathId, SectorName sector, SectorFileType type) {
        return jdbi.withHandle(h -> h.createUpdate("""
                DELETE FROM storage_sector_file
                WHERE path_id = :path AND miner = :miner AND sector_number = :number AND file_type = :type""")
            .bindMap(fileKey(pathId, sector, type)).execute()) > 0;
    }

    public record FileRow(String pathId, SectorName sector, SectorFileType type, boolean primary, long size,
                          Instant declaredAt) {}

    public List<FileRow> filesIn(String pathId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM storage_sector_file WHERE path_id = :path ORDER BY miner, sector_number, file_type""")
            .bind("path", pathId).map((rs, ctx) -> readFile(rs)).list());
    }

    public List<FileRow> filesOf(SectorName sector) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT * FROM storage_sector_file WHERE miner = :miner AND sector_number = :number
                ORDER BY file_type, is_primary DESC, path_id""")
            .bind("miner", sector.miner()).bind("number", sector.number()).map((rs, ctx) -> readFile(rs)).list());
    }

    /** Sector files held, by type, for every path. */
    public Map<String, Map<SectorFileType, Integer>> fileCounts() {
        return countFiles(null);
    }

    /** Sector files held by one path, by type (one path's rows, not the whole table). */
    public Map<SectorFileType, Integer> fileCounts(String pathId) {
        return countFiles(Objects.requireNonNull(pathId)).getOrDefault(pathId, Map.of());
    }

    private Map<String, Map<SectorFileType, Integer>> countFiles(String onlyPath) {
        Map<String, Map<SectorFileType, Integer>> out = new HashMap<>();
        jdbi.useHandle(h -> onePathOrAll(h.createQuery("SELECT path_id, file_type, COUNT(*) AS n FROM storage_sector_file"
                + (onlyPath == null ? "" : " WHERE path_id = :path") + " GROUP BY path_id, file_type"), onlyPath)
            .map((rs, ctx) -> {
                out.computeIfAbsent(rs.getString("path_id"), k -> new EnumMap<>(SectorFileType.class))
                    .put(SectorFileType.parse(rs.getString("file_type")), rs.getInt("n"));
                return null;
            }).list());
        return out;
    }

    // ---- reservations

    public long reserve(String pathId, SectorName sector, SectorFileType type, long bytes, String purpose, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO storage_reservation (path_id, miner, sector_number, file_type, bytes, purpose, created_at)
                VALUES (:path, :miner, :number, :type, :bytes, :purpose, :at)""")
            .bindMap(fileKey(pathId, sector, type)).bind("bytes", bytes).bind("purpose", clip(purpose, 200))
            .bind("at", time(at)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public boolean release(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM storage_reservation WHERE id = :id").bind("id", id)
            .execute()) > 0;
    }

    /** Drops every reservation on the given node's paths; returns how many and their bytes. */
    public long[] releaseAllOfNode(String nodeId) {
        return jdbi.inTransaction(h -> {
            long[] found = h.createQuery("""
                    SELECT COUNT(*) AS n, COALESCE(SUM(r.bytes), 0) AS b FROM storage_reservation r
                    JOIN storage_path p ON p.id = r.path_id WHERE p.node_id = :node""")
                .bind("node", nodeId).map((rs, ctx) -> new long[] {rs.getLong("n"), rs.getLong("b")}).one();
            h.createUpdate("""
                    DELETE FROM storage_reservation WHERE path_id IN (SELECT id FROM storage_path WHERE node_id = :node)""")
                .bind("node", nodeId).execute();
            return found;
        });
    }

    public Optional<Reservation> reservation(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM storage_reservation WHERE id = :id").bind("id", id)
            .map((rs, ctx) -> readReservation(rs)).findFirst());
    }

    public List<Reservation> reservations(String pathId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM storage_reservation WHERE path_id = :path ORDER BY id")
            .bind("path", pathId).map((rs, ctx) -> readReservation(rs)).list());
    }

    /** Reserved bytes of every path that has reservations. */
    public Map<String, Long> reservedBytes() {
        return sumReserved(null);
    }

    /** Reserved bytes of one path (0 when none). */
    public long reservedBytes(String pathId) {
        return sumReserved(Objects.requireNonNull(pathId)).getOrDefault(pathId, 0L);
    }

    private Map<String, Long> sumReserved(String onlyPath) {
        Map<String, Long> out = new HashMap<>();
        jdbi.useHandle(h -> onePathOrAll(h.createQuery("SELECT path_id, SUM(bytes) AS b FROM storage_reservation"
                + (onlyPath == null ? "" : " WHERE path_id = :path") + " GROUP BY path_id"), onlyPath)
            .map((rs, ctx) -> out.put(rs.getString("path_id"), rs.getLong("b"))).list());
        return out;
    }

    /** Binds :path when the query is for one path (an unused binding is an error in Jdbi). */
    private static Query onePathOrAll(Query q, String onlyPath) {
        return onlyPath == null ? q : q.bind("path", onlyPath);
    }

    // ---- remotes

    public record RemoteRow(String name, String url, String token, Instant addedAt) {
        /** Never prints the token. */
        @Override
        public String toString() {
            return "Remote[" + name + ", " + url + "]";
        }
    }

    public void putRemote(String name, String url, String token, Instant at) {
        jdbi.useTransaction(h -> {
            int n = h.createUpdate("UPDATE storage_remote SET url = :url, token = :token WHERE name = :name")
                .bind("url", url).bind("token", token).bind("name", name).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO storage_remote (name, url, token, added_at) VALUES (:name, :url, :token, :at)")
                    .bind("name", name).bind("url", url).bind("token", token).bind("at", time(at)).execute();
            }
        });
    }

    public List<RemoteRow> remotes() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM storage_remote ORDER BY name")
            .map((rs, ctx) -> new RemoteRow(rs.getString("name"), rs.getString("url"), rs.getString("token"),
                rs.getObject("added_at", OffsetDateTime.class).toInstant())).list());
    }

    public Optional<RemoteRow> remote(String name) {
        return remotes().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public boolean removeRemote(String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM storage_remote WHERE name = :name").bind("name", name)
            .execute()) > 0;
    }

    // ---- mapping

    private static Map<String, Object> metaBinds(StoreMeta m) {
        Map<String, Object> b = new HashMap<>();
        b.put("weight", m.weight());
        b.put("canSeal", m.canSeal());
        b.put("canStore", m.canStore());
        b.put("maxStorage", m.maxStorage());
        b.put("groups", json(m.groups()));
        b.put("allowTo", json(m.allowTo()));
        b.put("allowTypes", json(m.allowTypes()));
        b.put("denyTypes", json(m.denyTypes()));
        b.put("allowMiners", json(m.allowMiners()));
        b.put("denyMiners", json(m.denyMiners()));
        return b;
    }

    private static Map<String, Object> fileKey(String pathId, SectorName sector, SectorFileType type) {
        return Map.of("path", pathId, "miner", sector.miner(), "number", sector.number(), "type", type.id());
    }

    private static PathRow readPath(ResultSet rs) throws SQLException {
        StoreMeta meta = new StoreMeta(rs.getString("id"), rs.getLong("weight"), rs.getBoolean("can_seal"),
            rs.getBoolean("can_store"), rs.getLong("max_storage"), list(rs.getString("groups_json")),
            list(rs.getString("allow_to_json")), list(rs.getString("allow_types_json")),
            list(rs.getString("deny_types_json")), list(rs.getString("allow_miners_json")),
            list(rs.getString("deny_miners_json")));
        return new PathRow(rs.getString("id"), rs.getString("node_id"), rs.getString("remote_name"),
            rs.getString("local_path"), meta, rs.getLong("capacity"), rs.getLong("fs_available"), rs.getLong("used"),
            rs.getBoolean("healthy"), instant(rs, "last_heartbeat"), rs.getString("last_error") == null ? ""
            : rs.getString("last_error"), instant(rs, "attached_at"));
    }

    private static FileRow readFile(ResultSet rs) throws SQLException {
        return new FileRow(rs.getString("path_id"), new SectorName(rs.getLong("miner"), rs.getLong("sector_number")),
            SectorFileType.parse(rs.getString("file_type")), rs.getBoolean("is_primary"), rs.getLong("size_bytes"),
            instant(rs, "declared_at"));
    }

    private static Reservation readReservation(ResultSet rs) throws SQLException {
        return new Reservation(rs.getLong("id"), rs.getString("path_id"),
            new SectorName(rs.getLong("miner"), rs.getLong("sector_number")),
            SectorFileType.parse(rs.getString("file_type")), rs.getLong("bytes"), rs.getString("purpose"),
            instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    private static List<String> list(String json) {
        return json == null || json.isBlank() ? List.of() : JSON.readValue(json, STRINGS);
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() <= max ? s : s.substring(0, max);
    }
}

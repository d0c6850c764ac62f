package dev.granary.storage;

import dev.granary.alerts.Alerts;
import dev.granary.audit.AuditLog;
import dev.granary.audit.Outcome;
import dev.granary.auth.Actor;
import dev.granary.auth.Permission;
import dev.granary.errors.ConflictException;
import dev.granary.errors.NotFoundException;
import dev.granary.kernels.Kernels;
import dev.granary.storage.index.PathRow;
import dev.granary.storage.index.StorageIndex;
import dev.granary.storage.local.FsStat;
import dev.granary.storage.local.LocalStore;
import dev.granary.storage.path.StoreMeta;
import dev.granary.storage.path.StoreMetaFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage subsystem's one entry point (docs/storage.md): paths (attach, detach, set, redeclare,
 * list), the sector-file index (find, what a path holds), reservations before writes, the local store
 * (write, move, remove), heartbeats and health alerts, and fetching from other nodes. REST, CLI and
 * dashboard all call these methods with the caller's {@link Actor}; each checks the permission (reads
 * READ, changes WRITE, remotes' credentials ADMIN) and records changes in the audit log.
 */
public final class StorageService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StorageService.class);
    static final String ALERT_PREFIX = "storage.path:";
    private static final Pattern REMOTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final StorageIndex index;
    private final String nodeId;
    private final Alerts alerts;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTimeout;
    private final Kernels kernels;
    private final Heartbeats heartbeats;
    private final Object allocation = new Object();
    private ScheduledExecutorService timer;
    private volatile Optional<Path> home = Optional.empty();

    private StorageService(StorageIndex index, String nodeId, Alerts alerts, AuditLog audit, Clock clock,
                           Duration heartbeatInterval, Duration heartbeatTimeout, Kernels kernels) {
        this.index = index;
        this.nodeId = nodeId;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeatTimeout = heartbeatTimeout;
        this.kernels = kernels;
        this.heartbeats = new Heartbeats(index, nodeId, alerts, clock, heartbeatInterval, heartbeatTimeout);
    }

    /** A service without the heartbeat timer: tests drive {@link #heartbeatRound()} with their own clock. */
    public static StorageService create(StorageIndex index, String nodeId, Alerts alerts, AuditLog audit, Clock clock,
                                        Duration heartbeatInterval, Duration heartbeatTimeout, Kernels kernels) {
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative() || heartbeatTimeout.compareTo(heartbeatInterval) < 0) {
            throw new IllegalArgumentException("storage heartbeat-interval must be positive and heartbeat-timeout at"
                + " least as long (got " + heartbeatInterval + " and " + heartbeatTimeout + ")");
        }
        return new StorageService(index, nodeId, alerts, audit, clock, heartbeatInterval, heartbeatTimeout, kernels);
    }

    /**
     * The node's service: releases what the previous run left reserved, then one heartbeat round now and one
     * every heartbeat-interval on a daemon thread.
     */
    public static StorageService start(StorageIndex index, String nodeId, Alerts alerts, AuditLog audit, Clock clock,
                                       Duration heartbeatInterval, Duration heartbeatTimeout, Kernels kernels) {
        StorageService s = create(index, nodeId, alerts, audit, clock, heartbeatInterval, heartbeatTimeout, kernels);
        s.releaseReservationsOfEarlierRun();
        s.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storage-heartbeat");
            t.setDaemon(true);
            return t;
        });
        s.timer.scheduleWithFixedDelay(s::heartbeatQuietly, 0, heartbeatInterval.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /**
     * Restart rule for reservations: they belong to tasks of a running process, so after a stop or a crash the
     * ones on this node's paths are orphans that would hold capacity (and block detach) forever. Tasks that
     * resume after a restart reserve again.
     */
    void releaseReservationsOfEarlierRun() {
        long[] released = index.releaseAllOfNode(nodeId);
        if (released[0] > 0) {
            String what = released[0] + " storage reservation(s), " + released[1] + " bytes, left by the previous run";
            log.info("released {}", what);
            audit.record(Actor.system(), "storage.release", "node " + nodeId, Outcome.SUCCESS, what);
        }
    }

    private void heartbeatQuietly() {
        try {
            heartbeatRound();
        } catch (RuntimeException e) {
            log.warn("storage heartbeat round failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    public String nodeId() { return nodeId; }
    public Duration heartbeatInterval() { return heartbeatInterval; }
    public Duration heartbeatTimeout() { return heartbeatTimeout; }

    // ---------------------------------------------------------------- reads

    /** Every path in the index with usage and health; this node's own paths first. */
    public List<PathInfo> list(Actor actor) {
        actor.require(Permission.READ, "listing storage paths");
        return infos();
    }

    public PathInfo path(Actor actor, String idOrPath) {
        actor.require(Permission.READ, "reading storage path " + idOrPath);
        return info(resolve(idOrPath));
    }

    /** Where each file of the sector is, primary copies first. */
    public List<SectorCopy> find(Actor actor, SectorName sector) {
        actor.require(Permission.READ, "finding sector " + sector);
        Map<String, PathRow> paths = byId(index.paths());
        List<SectorCopy> out = new ArrayList<>();
        for (StorageIndex.FileRow f : index.filesOf(sector)) {
            PathRow p = paths.get(f.pathId());
            if (p != null) {
                out.add(copy(f, p));
            }
        }
        return out;
    }

    /** The sector files a path holds. */
    public List<SectorCopy> pathSectors(Actor actor, String idOrPath) {
        actor.require(Permission.READ, "listing the sectors of storage path " + idOrPath);
        PathRow p = resolve(idOrPath);
        return index.filesIn(p.id()).stream().map(f -> copy(f, p)).toList();
    }

    public List<Reservation> reservations(Actor actor, String idOrPath) {
        actor.require(Permission.READ, "listing reservations of storage path " + idOrPath);
        return index.reservations(resolve(idOrPath).id());
    }

    // ---------------------------------------------------------------- attach / detach / set / redeclare

    /**
     * Attaches a directory. Everything is checked before anything is written (a directory, writable, not
     * attached by path or by ID, a well-formed sectorstore.json); with init the file and the unsealed/,
     * sealed/, cache/ directories are created. A failure after that removes what this call created.
     */
    public PathInfo attach(Actor actor, AttachRequest request) {
        actor.require(Permission.WRITE, "attaching a storage path");
        try {
            PathInfo p = attachChecked(request);
            audit.record(actor, "storage.attach", p.localPath(), Outcome.SUCCESS, "id " + p.id() + ", " + flags(p.meta()));
            return p;
        } catch (RuntimeException e) {
            audit.record(actor, "storage.attach", request.path() == null ? "" : request.path(), Outcome.FAILED,
                e.getMessage());
            throw e;
        }
    }

    private PathInfo attachChecked(AttachRequest request) {
        Path root = AttachChecks.directory(request.path());
        AttachChecks.refuseSystemDirectories(root, home);
        AttachChecks.probeWritable(root);
        synchronized (allocation) {
            index.pathByLocal(nodeId, root.toString()).ifPresent(existing -> {
                throw new ConflictException(root + " is already attached as storage path " + existing.id()
                    + "; use set to change its options, or detach it first");
            });
            StoreMeta meta;
            Map<String, tools.jackson.databind.JsonNode> unknown = Map.of();
            if (request.init()) {
                if (Files.exists(StoreMetaFile.file(root), LinkOption.NOFOLLOW_LINKS)) {
                    throw new StorageInputException(root, "init", root + " already holds " + StoreMetaFile.NAME
                        + "; attach it without --init to use that file");
                }
                meta = new StoreMeta(UUID.randomUUID().toString(), request.weight(), request.canSeal(),
                    request.canStore(), request.maxStorage(), request.groups(), request.allowTo(), request.allowTypes(),
                    request.denyTypes(), request.allowMiners(), request.denyMiners());
                AttachChecks.checkOptions(root, meta);
            } else {
                StoreMetaFile.Read read = StoreMetaFile.read(root);
                meta = read.meta();
                unknown = read.unknown();
            }
            String id = meta.id();
            index.path(id).ifPresent(existing -> {
                throw new ConflictException("storage path ID " + id + " in " + root + " is already attached at "
                    + (existing.localPath() != null ? existing.localPath() : "remote " + existing.remoteName())
                    + "; two directories must not share an ID (was the directory copied?)");
            });
            FsStat stat = AttachChecks.stat(root);
            List<Path> created = new ArrayList<>();
            try {
                AttachChecks.createLayout(root, created);
                if (request.init()) {
                    StoreMetaFile.write(root, meta, unknown);
                    created.add(StoreMetaFile.file(root));
                }
                Instant now = clock.instant();
                PathRow row = new PathRow(id, nodeId, null, root.toString(), meta, stat.capacity(), stat.fsAvailable(),
                    stat.used(), true, now, "", now);
                index.insertPath(row);
                declareScan(row, false);
            } catch (RuntimeException e) {
                index.deletePath(id);
                AttachChecks.undo(created);
                throw e;
            }
            return info(index.path(id).orElseThrow());
        }
    }

    /**
     * The node's home may hold attached paths below it (as a Lotus repo may), but never be one itself:
     * attaching it, one of its parents or the file-system root would lay sealed/, cache/ and unsealed/
     * over the node's own files (its parent cache lives in home/cache) and count them as sector data.
     */
    public void refuseAttaching(Path nodeHome) {
        home = Optional.of(nodeHome.toAbsolutePath().normalize());
    }

    /**
     * Forgets a path (its files stay on disk). Refused while reservations use it; {@code force} (a dead
     * disk) drops them with the path and says so in the audit log.
     */
    public PathInfo detach(Actor actor, String idOrPath, boolean force) {
        actor.require(Permission.WRITE, "detaching storage path " + idOrPath);
        synchronized (allocation) {
            PathInfo p = info(resolve(idOrPath));
            List<Reservation> inUse = index.reservations(p.id());
            int files = p.fileCounts().values().stream().mapToInt(Integer::intValue).sum();
            if (!inUse.isEmpty() && !force) {
                String what = inUse.stream().limit(5).map(r -> r.sector() + " " + r.type().id() + " (" + r.purpose() + ")")
                    .toList().toString();
                audit.record(actor, "storage.detach", p.describe(), Outcome.FAILED, "in use: " + inUse.size()
                    + " reservations");
                throw new ConflictException("storage path " + p.describe() + " is in use: " + inUse.size()
                    + " reservation(s) " + what + "; wait for those tasks, or detach with force if the disk is dead");
            }
            index.deletePath(p.id());
            alerts.resolve(ALERT_PREFIX + p.id(), "path detached");
            audit.record(actor, force ? "storage.detach.force" : "storage.detach", p.describe(), Outcome.SUCCESS,
                (force ? "forced: dropped " + inUse.size() + " reservations; " : "") + "forgot " + files
                    + " sector files (left on disk)");
            return p;
        }
    }

    /** Changes options in the path's sectorstore.json (kept Lotus-readable) and the index. */
    public PathInfo set(Actor actor, String idOrPath, PathChanges changes) {
        actor.require(Permission.WRITE, "changing storage path " + idOrPath);
        PathRow row = resolve(idOrPath);
        requireLocal(row, "change");
        if (changes.empty()) {
            throw new IllegalArgumentException("nothing to change for storage path " + row.id() + "; give at least one"
                + " of canSeal, canStore, weight, maxStorage, groups, allowTo, allowTypes, denyTypes, allowMiners,"
                + " denyMiners");
        }
        Path root = Path.of(row.localPath());
        synchronized (allocation) {
            StoreMetaFile.Read read = StoreMetaFile.read(root);
            if (!read.meta().id().equals(row.id())) {
                throw new ConflictException(StoreMetaFile.file(root) + " now has ID " + read.meta().id()
                    + ", the index " + row.id() + "; detach and attach the path again");
            }
            StoreMeta m = read.meta();
            StoreMeta changed = new StoreMeta(m.id(), or(changes.weight(), m.weight()), or(changes.canSeal(), m.canSeal()),
                or(changes.canStore(), m.canStore()), or(changes.maxStorage(), m.maxStorage()),
                or(changes.groups(), m.groups()), or(changes.allowTo(), m.allowTo()),
                or(changes.allowTypes(), m.allowTypes()), or(changes.denyTypes(), m.denyTypes()),
                or(changes.allowMiners(), m.allowMiners()), or(changes.denyMiners(), m.denyMiners()));
            AttachChecks.checkOptions(root, changed);
            StoreMetaFile.write(root, changed, read.unknown());
            index.updateMeta(row.id(), changed);
            audit.record(actor, "storage.set", row.localPath(), Outcome.SUCCESS, "id " + row.id() + ", " + flags(changed));
            return info(index.path(row.id()).orElseThrow());
        }
    }

    /**
     * Rescans this node's paths (one, or all): re-reads sectorstore.json, declares the sector files found,
     * and with {@code dropMissing} forgets indexed files that are gone.
     */
    public List<RedeclareResult> redeclare(Actor actor, Optional<String> idOrPath, boolean dropMissing) {
        actor.require(Permission.WRITE, "redeclaring storage paths");
        List<PathRow> rows = idOrPath.map(s -> List.of(resolve(s))).orElseGet(() -> index.localPaths(nodeId));
        rows.forEach(r -> requireLocal(r, "redeclare"));
        List<RedeclareResult> out = new ArrayList<>();
        for (PathRow row : rows) {
            out.add(redeclareOne(row, dropMissing));
        }
        audit.record(actor, "storage.redeclare", idOrPath.orElse("all"), Outcome.SUCCESS,
            "dropMissing=" + dropMissing + ", " + out.stream().mapToInt(RedeclareResult::declared).sum() + " declared, "
                + out.stream().mapToInt(RedeclareResult::dropped).sum() + " dropped");
        return out;
    }

    private RedeclareResult redeclareOne(PathRow row, boolean dropMissing) {
        Path root = Path.of(row.localPath());
        try {
            StoreMeta meta = StoreMetaFile.read(root).meta();
            if (!meta.id().equals(row.id())) {
                return new RedeclareResult(row.id(), row.localPath(), 0, 0, 0, List.of(), StoreMetaFile.NAME
                    + " now has ID " + meta.id() + "; detach and attach the path again");
            }
            index.updateMeta(row.id(), meta);
            return declareScan(index.path(row.id()).orElseThrow(), dropMissing);
        } catch (RuntimeException e) {
            return new RedeclareResult(row.id(), row.localPath(), 0, 0, 0, List.of(), e.getMessage());
        }
    }

    private RedeclareResult declareScan(PathRow p, boolean dropMissing) {
        Path root = Path.of(p.localPath());
        LocalStore.Scan scan;
        try {
            scan = LocalStore.scan(root);
        } catch (IOException e) {
            throw new StorageInputException(root, "path", "cannot list the sector files of " + root + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        Map<String, StorageIndex.FileRow> indexed = new HashMap<>();
        index.filesIn(p.id()).forEach(f -> indexed.put(f.sector() + "/" + f.type().id(), f));
        for (LocalStore.Found f : scan.found()) {
            index.declare(p.id(), f.sector(), f.type(), p.meta().canStore(), f.size(), now);
            indexed.remove(f.sector() + "/" + f.type().id());
        }
        int dropped = 0;
        if (dropMissing) {
            for (StorageIndex.FileRow gone : indexed.values()) {
                if (index.drop(p.id(), gone.sector(), gone.type())) {
                    dropped++;
                }
            }
        }
        return new RedeclareResult(p.id(), p.localPath(), scan.found().size(), indexed.size(), dropped, scan.ignored(), "");
    }

    // ---------------------------------------------------------------- reservations and the local store

    /**
     * Reserves space for each file type of a sector in the best path for it (see {@link PathSelector}).
     * All or nothing: when one type fits nowhere, nothing is reserved and the error gives each path's reason.
     */
    public List<Reservation> reserve(Actor actor, AllocationRequest request) {
        actor.require(Permission.WRITE, "reserving storage for " + request.sector());
        Map<SectorFileType, Long> sizes = new EnumMap<>(SectorFileType.class);
        request.types().forEach(t -> sizes.put(t, t.reservationBytes(request.sectorSize(), request.use())));
        List<Reservation> out = reserveSized(request, sizes);
        audit.record(actor, "storage.reserve", request.sector().toString(), Outcome.SUCCESS, out.stream()
            .map(r -> r.type().id() + " " + r.bytes() + " B in " + r.pathId()).toList().toString());
        return out;
    }

    /** Reserves exactly {@code sizes} bytes per type (a fetch knows the files' sizes); all or nothing. */
    List<Reservation> reserveSized(AllocationRequest request, Map<SectorFileType, Long> sizes) {
        synchronized (allocation) {
            List<PathInfo> candidates = infos().stream().filter(this::ownLocal).toList();
            Optional<PathInfo> source = Optional.ofNullable(request.sourcePathId()).map(id -> info(resolve(id)));
            Map<String, Long> planned = new HashMap<>();
            List<Reservation> plan = new ArrayList<>();
            for (SectorFileType type : request.types()) {
                long needed = sizes.get(type);
                PathSelector.Choice choice = PathSelector.choose(candidates, request, type, source, planned, needed);
                PathInfo chosen = choice.path().orElseThrow(() -> noPath(request, type, choice.refusals()));
                planned.merge(chosen.id(), needed, Long::sum);
                plan.add(new Reservation(0, chosen.id(), request.sector(), type, needed, request.purpose(), null));
            }
            Instant now = clock.instant();
            List<Reservation> out = new ArrayList<>();
            for (Reservation r : plan) {
                long id = index.reserve(r.pathId(), r.sector(), r.type(), r.bytes(), r.purpose(), now);
                out.add(index.reservation(id).orElseThrow());
            }
            return out;
        }
    }

    private static ConflictException noPath(AllocationRequest request, SectorFileType type, List<String> refusals) {
        return new ConflictException("no storage path can take the " + type.id() + " file of " + request.sector() + " ("
            + request.use().name().toLowerCase(java.util.Locale.ROOT) + "): " + (refusals.isEmpty()
            ? "no paths are attached; attach one with granary storage attach" : String.join("; ", refusals)));
    }

    public void release(Actor actor, long reservationId) {
        actor.require(Permission.WRITE, "releasing a storage reservation");
        if (!index.release(reservationId)) {
            throw new NotFoundException("storage reservation " + reservationId + " does not exist (released already?)");
        }
        audit.record(actor, "storage.release", String.valueOf(reservationId), Outcome.SUCCESS, "");
    }

    /** The directory of this node's path for a reservation: where the task writes the file. */
    public Path reservedLocation(Reservation r) {
        PathRow row = index.path(r.pathId()).orElseThrow(() -> new NotFoundException("storage path " + r.pathId()
            + " of reservation " + r.id() + " is no longer attached"));
        return LocalStore.sectorPath(Path.of(row.localPath()), r.sector(), r.type());
    }

    /**
     * Writes a sector file into its reserved path and declares it; the reservation is released either way.
     * A write that fails (disk full, more bytes than reserved) leaves no file and no index entry.
     */
    public SectorCopy write(Actor actor, long reservationId, InputStream data) {
        actor.require(Permission.WRITE, "writing a sector file");
        Reservation r = index.reservation(reservationId).orElseThrow(() -> new NotFoundException(
            "storage reservation " + reservationId + " does not exist; reserve space before writing"));
        PathRow row = resolve(r.pathId());
        PathInfo p = info(row);
        try {
            long size = LocalStore.write(Path.of(p.localPath()), r.sector(), r.type(), data,
                Math.min(r.bytes(), p.available() + r.bytes()));
            index.declare(p.id(), r.sector(), r.type(), p.meta().canStore(), size, clock.instant());
            remeasure(p.id());
            audit.record(actor, "storage.write", r.sector() + " " + r.type().id(), Outcome.SUCCESS, size + " B in " + p.id());
            return declared(row, r.sector(), r.type());
        } catch (IOException e) {
            audit.record(actor, "storage.write", r.sector() + " " + r.type().id(), Outcome.FAILED, e.getMessage());
            throw new UncheckedIOException("writing " + r.type().id() + " of " + r.sector() + " into " + p.describe()
                + ": " + e.getMessage(), e);
        } finally {
            index.release(reservationId);
        }
    }

    /** Declares a file a task wrote into a reserved location itself (sealing). */
    public SectorCopy declare(Actor actor, String pathId, SectorName sector, SectorFileType type) {
        actor.require(Permission.WRITE, "declaring a sector file");
        PathRow p = resolve(pathId);
        requireLocal(p, "declare files in");
        Path file = LocalStore.sectorPath(Path.of(p.localPath()), sector, type);
        long size;
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotFoundException(file + " does not exist; write the file before declaring it");
            }
            if (!ownKind(file, type)) {
                throw new IllegalArgumentException(file + " is not a " + (type.directory() ? "directory" : "regular file")
                    + " (a symbolic link?); a " + type.id() + " entry must be the " + (type.directory() ? "directory"
                    : "file") + " itself");
            }
            size = LocalStore.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
        index.declare(p.id(), sector, type, p.meta().canStore(), size, clock.instant());
        remeasure(p.id());
        audit.record(actor, "storage.declare", sector + " " + type.id(), Outcome.SUCCESS, "in " + p.id());
        return declared(p, sector, type);
    }

    /**
     * Moves a sector's files from a sealing path to the best store path (or {@code targetPathId}): an atomic
     * rename on one file system, else copy-verify-sync-delete. The index then lists the new copy as primary.
     */
    public List<SectorCopy> move(Actor actor, SectorName sector, List<SectorFileType> types, long sectorSize,
                                 String targetPathId) {
        actor.require(Permission.WRITE, "moving sector " + sector + " to long-term storage");
        List<SectorCopy> moved = new ArrayList<>();
        for (SectorFileType type : types) {
            SectorCopy from = find(actor, sector).stream()
                .filter(c -> c.type() == type && c.remoteName() == null && c.nodeId().equals(nodeId))
                .filter(c -> targetPathId == null || !c.pathId().equals(targetPathId))
                .findFirst().orElseThrow(() -> new NotFoundException("no " + type.id() + " file of " + sector
                    + " on this node's paths to move"));
            Reservation r = targetPathId == null
                ? reserve(actor, new AllocationRequest(sector, List.of(type), PathUse.STORE, sectorSize, from.pathId(),
                    "move " + type.id())).getFirst()
                : reserveIn(targetPathId, sector, type, sectorSize);
            try {
                PathRow target = resolve(r.pathId());
                Path source = LocalStore.sectorPath(Path.of(from.location()).getParent().getParent(), sector, type);
                LocalStore.move(source, Path.of(target.localPath()), sector, type);
                long size = LocalStore.size(LocalStore.sectorPath(Path.of(target.localPath()), sector, type));
                index.declare(target.id(), sector, type, target.meta().canStore(), size, clock.instant());
                index.drop(from.pathId(), sector, type);
                remeasure(target.id());
                remeasure(from.pathId());
                audit.record(actor, "storage.move", sector + " " + type.id(), Outcome.SUCCESS,
                    from.pathId() + " -> " + target.id());
                moved.add(declared(target, sector, type));
            } catch (IOException e) {
                audit.record(actor, "storage.move", sector + " " + type.id(), Outcome.FAILED, e.getMessage());
                throw new UncheckedIOException("moving " + type.id() + " of " + sector + ": " + e.getMessage(), e);
            } finally {
                index.release(r.id());
            }
        }
        return moved;
    }

    private Reservation reserveIn(String pathId, SectorName sector, SectorFileType type, long sectorSize) {
        synchronized (allocation) {
            PathInfo p = info(resolve(pathId));
            long needed = type.reservationBytes(sectorSize, PathUse.STORE);
            if (p.available() < needed || !p.healthy()) {
                throw new ConflictException(p.describe() + " cannot take " + needed + " bytes: " + (p.healthy()
                    ? p.available() + " available" : "unhealthy (" + p.lastError() + ")"));
            }
            long id = index.reserve(p.id(), sector, type, needed, "move " + type.id(), clock.instant());
            return index.reservation(id).orElseThrow();
        }
    }

    /**
     * Removes one sector file from one of this node's paths: only that exact file (or cache directory),
     * and only after checking it exists. Refused while a reservation uses it.
     */
    public void remove(Actor actor, String pathId, SectorName sector, SectorFileType type) {
        actor.require(Permission.WRITE, "removing " + type.id() + " of " + sector);
        PathRow row = resolve(pathId);
        requireLocal(row, "remove files from");
        boolean inUse = index.reservations(row.id()).stream().anyMatch(r -> r.sector().equals(sector) && r.type() == type);
        if (inUse) {
            throw new ConflictException("the " + type.id() + " file of " + sector + " in " + row.localPath()
                + " is reserved by a running task; release it first");
        }
        try {
            LocalStore.removeExisting(Path.of(row.localPath()), sector, type);
        } catch (IOException e) {
            audit.record(actor, "storage.remove", sector + " " + type.id(), Outcome.FAILED, e.getMessage());
            if (e instanceof java.nio.file.NoSuchFileException) {
                index.drop(row.id(), sector, type);
                throw new NotFoundException("removing " + type.id() + " of " + sector + " from " + row.localPath() + ": "
                    + LocalStore.sectorPath(Path.of(row.localPath()), sector, type) + " does not exist; nothing was"
                    + " removed (the index entry, if any, was dropped)");
            }
            throw new UncheckedIOException("removing " + type.id() + " of " + sector + ": " + e.getMessage(), e);
        }
        index.drop(row.id(), sector, type);
        audit.record(actor, "storage.remove", sector + " " + type.id(), Outcome.SUCCESS, "from " + row.id());
    }

    // ---------------------------------------------------------------- serving files to other nodes

    /** A sector file, or with {@code inner} one file of a cache directory, from this node's healthy paths. */
    public ServedFile openFile(Actor actor, SectorFileType type, SectorName sector, String inner) {
        actor.require(Permission.READ, "reading sector files");
        Path file = localCopy(type, sector);
        if (inner != null) {
            if (!type.directory()) {
                throw new IllegalArgumentException(type.id() + " is a file, not a directory; omit the file name");
            }
            if (!inner.matches("[A-Za-z0-9._-]{1,200}") || inner.startsWith(".")) {
                throw new IllegalArgumentException("'" + inner + "' is not a file name in a cache directory");
            }
            file = file.resolve(inner);
        } else if (type.directory()) {
            throw new IllegalArgumentException(type.id() + " of " + sector + " is a directory; read its manifest and"
                + " then each file");
        }
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new NotFoundException(type.id() + " of " + sector + " has no file " + file.getFileName());
            }
            return new ServedFile(file, Files.size(file));
        } catch (IOException e) {
            throw new NotFoundException("reading " + file + ": " + e.getMessage());
        }
    }

    /** The files that make up a sector file: one entry for a file, each file of a cache directory. */
    public List<ServedFile> manifest(Actor actor, SectorFileType type, SectorName sector) {
        actor.require(Permission.READ, "reading sector files");
        Path file = localCopy(type, sector);
        try {
            List<ServedFile> out = new ArrayList<>();
            for (Path f : LocalStore.filesOf(file)) {
                out.add(new ServedFile(f, Files.size(f)));
            }
            return out;
        } catch (IOException e) {
            throw new NotFoundException("listing " + file + ": " + e.getMessage());
        }
    }

    private Path localCopy(SectorFileType type, SectorName sector) {
        Map<String, PathRow> paths = byId(index.localPaths(nodeId));
        return index.filesOf(sector).stream().filter(f -> f.type() == type)
            .map(f -> paths.get(f.pathId())).filter(p -> p != null && health(p).healthy())
            .map(p -> LocalStore.sectorPath(Path.of(p.localPath()), sector, type))
            .filter(f -> ownKind(f, type))
            .findFirst().orElseThrow(() -> new NotFoundException("this node holds no " + type.id() + " file of " + sector
                + " on a healthy path"));
    }

    /**
     * Measures one of this node's paths again after files were added to it or moved off it. Without this
     * the path's usage stays as the last heartbeat saw it, so once a reservation is released its bytes
     * count nowhere and the next reservation is promised the same space (or MaxStorage is overrun).
     */
    void remeasure(String pathId) {
        index.path(pathId).filter(r -> r.remoteName() == null && r.nodeId().equals(nodeId)).ifPresent(r -> {
            try {
                FsStat stat = LocalStore.stat(Path.of(r.localPath()));
                index.recordUsage(r.id(), stat.capacity(), stat.fsAvailable(), stat.used());
            } catch (IOException e) {
                log.warn("could not measure storage path {} after a change: {}", r.id(), e.getMessage());
            }
        });
    }

    /**
     * The entry is what its type says, not a symbolic link: a cache directory linked elsewhere would
     * otherwise be served file by file from outside the path.
     */
    private static boolean ownKind(Path f, SectorFileType type) {
        return type.directory() ? Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
            : Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }

    // ---------------------------------------------------------------- remotes and fetching

    public RemoteInfo addRemote(Actor actor, String name, String url, String token) {
        actor.require(Permission.ADMIN, "adding a storage remote (it stores another node's API token)");
        if (name == null || !REMOTE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("remote name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (url == null || !url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalArgumentException("remote url '" + url + "' must be the other node's base URL, like"
                + " http://10.0.0.2:8080");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("give an API token of the remote node (read permission is enough)");
        }
        index.putRemote(name, url, token.strip(), clock.instant());
        audit.record(actor, "storage.remote.add", name, Outcome.SUCCESS, url);
        return remotes(actor).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    public List<RemoteInfo> remotes(Actor actor) {
        actor.require(Permission.READ, "listing storage remotes");
        return index.remotes().stream().map(r -> new RemoteInfo(r.name(), r.url(), r.addedAt())).toList();
    }

    public void removeRemote(Actor actor, String name) {
        actor.require(Permission.ADMIN, "removing a storage remote");
        if (!index.removeRemote(name)) {
            throw new NotFoundException("no storage remote named '" + name + "'");
        }
        audit.record(actor, "storage.remote.remove", name, Outcome.SUCCESS, "");
    }

    /**
     * Fetches the sector's files of the given types from a remote into this node's best store path:
     * resumable, verified by size (and a sealed replica by comm_r_last on sampled leaves), then declared.
     * The remote's copies are recorded too, so find lists both.
     */
    public List<SectorCopy> fetch(Actor actor, String remoteName, SectorName sector, List<SectorFileType> types) {
        actor.require(Permission.WRITE, "fetching sector " + sector + " from remote " + remoteName);
        StorageIndex.RemoteRow remote = index.remote(remoteName).orElseThrow(() -> new NotFoundException(
            "no storage remote named '" + remoteName + "'; add it with its URL and an API token first"));
        try {
            List<SectorCopy> out = new SectorFetch(this, index, kernels, clock, remote).fetch(actor, sector, types);
            audit.record(actor, "storage.fetch", sector.toString(), Outcome.SUCCESS, "from " + remoteName + ": "
                + types.stream().map(SectorFileType::id).toList());
            return out;
        } catch (IOException e) {
            audit.record(actor, "storage.fetch", sector.toString(), Outcome.FAILED, e.getMessage());
            throw new ConflictException("fetching " + sector + " from remote " + remoteName + " failed: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- heartbeats

    /** One heartbeat round over this node's paths (the timer calls it; tests call it directly). */
    public List<HeartbeatReport> heartbeatRound() {
        return heartbeats.round();
    }

    // ---------------------------------------------------------------- helpers

    boolean ownLocal(PathInfo p) {
        return p.remoteName() == null && p.nodeId().equals(nodeId);
    }

    PathRow resolve(String idOrPath) {
        if (idOrPath == null || idOrPath.isBlank()) {
            throw new IllegalArgumentException("name a storage path by its ID or directory");
        }
        String key = idOrPath.strip();
        Optional<PathRow> byId = index.path(key);
        if (byId.isPresent()) {
            return byId.get();
        }
        try {
            Path p = Path.of(key).toAbsolutePath().normalize();
            Optional<PathRow> byPath = index.pathByLocal(nodeId, p.toString());
            if (byPath.isEmpty() && Files.exists(p)) {
                byPath = index.pathByLocal(nodeId, p.toRealPath().toString());
            }
            if (byPath.isPresent()) {
                return byPath.get();
            }
        } catch (InvalidPathException | IOException e) {
            // not a path either
        }
        throw new NotFoundException("no storage path with ID or directory '" + key + "'; list them with granary storage list");
    }

    private void requireLocal(PathRow row, String what) {
        if (row.remoteName() != null || !row.nodeId().equals(nodeId)) {
            throw new ConflictException("storage path " + row.id() + " is on another node ("
                + (row.remoteName() != null ? "remote " + row.remoteName() : "node " + row.nodeId()) + "); " + what
                + " it on that node");
        }
    }

    List<PathInfo> infos() {
        Map<String, Long> reserved = index.reservedBytes();
        Map<String, Map<SectorFileType, Integer>> counts = index.fileCounts();
        List<PathInfo> out = new ArrayList<>();
        for (PathRow r : index.paths()) {
            out.add(info(r, reserved.getOrDefault(r.id(), 0L), counts.getOrDefault(r.id(), Map.of())));
        }
        out.sort(java.util.Comparator.comparing((PathInfo p) -> !ownLocal(p)));
        return out;
    }

    /** One path with its own reservations and file counts (not every path's). */
    PathInfo info(PathRow r) {
        return info(r, index.reservedBytes(r.id()), index.fileCounts(r.id()));
    }

    private PathInfo info(PathRow r, long reserved, Map<SectorFileType, Integer> counts) {
        long available = Math.max(0, r.fsAvailable() - reserved);
        if (r.meta().maxStorage() > 0) {
            available = Math.min(available, Math.max(0, r.meta().maxStorage() - r.used() - reserved));
        }
        Health health = health(r);
        Map<SectorFileType, Integer> c = new EnumMap<>(SectorFileType.class);
        c.putAll(counts);
        return new PathInfo(r.id(), r.nodeId(), r.remoteName(), r.localPath(), r.meta(), r.capacity(), r.fsAvailable(),
            r.used(), reserved, available, health.healthy(), r.lastHeartbeat(), health.error(), r.attachedAt(), c);
    }

    /** Health as of now; {@code error} is "" when healthy. */
    private record Health(boolean healthy, String error) {}

    /**
     * The stored health, and for a path on a node's disk also its age: one whose last heartbeat is older than
     * the timeout is unhealthy even before a heartbeat round marks it (its node may have stopped).
     */
    private Health health(PathRow r) {
        String error = r.lastError();
        boolean healthy = r.healthy();
        if (r.remoteName() == null) {
            Duration age = r.lastHeartbeat() == null ? null : Duration.between(r.lastHeartbeat(), clock.instant());
            if (age == null || age.compareTo(heartbeatTimeout) > 0) {
                healthy = false;
                if (error.isEmpty()) {
                    error = Heartbeats.staleMessage(age, heartbeatTimeout);
                }
            }
        }
        return new Health(healthy, healthy ? "" : error);
    }

    private static Map<String, PathRow> byId(List<PathRow> paths) {
        Map<String, PathRow> m = new HashMap<>();
        paths.forEach(p -> m.put(p.id(), p));
        return m;
    }

    private SectorCopy copy(StorageIndex.FileRow f, PathRow p) {
        String location = p.localPath() == null ? "" : LocalStore.sectorPath(Path.of(p.localPath()), f.sector(), f.type())
            .toString();
        return new SectorCopy(f.sector(), f.type(), p.id(), f.primary(), f.size(), location, p.nodeId(), p.remoteName(),
            health(p).healthy(), f.declaredAt());
    }

    /** The index entry just declared for a file in {@code p}, as a copy (the sector's few rows, not the path's). */
    private SectorCopy declared(PathRow p, SectorName sector, SectorFileType type) {
        return copy(index.filesOf(sector).stream().filter(f -> f.pathId().equals(p.id()) && f.type() == type)
            .findFirst().orElseThrow(), p);
    }

    private static String flags(StoreMeta m) {
        return "weight " + m.weight() + ", seal " + m.canSeal() + ", store " + m.canStore() + ", max " + m.maxStorage()
            + ", groups " + m.groups() + ", allowTo " + m.allowTo();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

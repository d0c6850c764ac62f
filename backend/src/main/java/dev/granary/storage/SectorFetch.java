package dev.granary.storage;

import dev.granary.auth.Actor;
import dev.granary.kernels.Kernels;
import dev.granary.proofs.sector.PersistentAux;
import dev.granary.proofs.tree.CacheFiles;
import dev.granary.storage.index.PathRow;
import dev.granary.storage.index.StorageIndex;
import dev.granary.storage.local.LocalStore;
import dev.granary.storage.path.StoreMeta;
import dev.granary.storage.remote.RemoteClient;
import dev.granary.storage.remote.SealedReplicaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One fetch of a sector's files from a remote node (the remote store of Lotus' sector-storage): ask the
 * remote where the files are and what they hold, reserve their exact size in a local store path,
 * download each file into {@code fetching/} (a {@code .part} file an interrupted fetch continues with a
 * Range request), check sizes and a sealed replica's comm_r_last on sampled leaves, rename into place,
 * declare, and record the remote's copies as well.
 */
final class SectorFetch {

    private final StorageService service;
    private final StorageIndex index;
    private final Kernels kernels;
    private final Clock clock;
    private final StorageIndex.RemoteRow remote;
    private final RemoteClient client;

    SectorFetch(StorageService service, StorageIndex index, Kernels kernels, Clock clock, StorageIndex.RemoteRow remote) {
        this.service = service;
        this.index = index;
        this.kernels = kernels;
        this.clock = clock;
        this.remote = remote;
        this.client = new RemoteClient(remote.name(), remote.url(), remote.token());
    }

    private record Entry(String name, long size) {}

    List<SectorCopy> fetch(Actor actor, SectorName sector, List<SectorFileType> types) throws IOException {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("name the file types to fetch: " + SectorFileType.ids());
        }
        JsonNode found = client.getJson("finding " + sector, "/v1/storage/sectors/" + sector.miner() + "/" + sector.number());
        List<JsonNode> remoteCopies = new ArrayList<>();
        found.get("copies").forEach(c -> {
            if (c.get("remote").isNull() && c.get("healthy").asBoolean()) {
                remoteCopies.add(c);
            }
        });
        Map<SectorFileType, List<Entry>> manifests = new EnumMap<>(SectorFileType.class);
        Map<SectorFileType, Long> sizes = new EnumMap<>(SectorFileType.class);
        for (SectorFileType type : types) {
            if (remoteCopies.stream().noneMatch(c -> c.get("type").asString().equals(type.id()))) {
                throw new IOException("remote " + remote.name() + " holds no " + type.id() + " file of " + sector
                    + " on a healthy path");
            }
            List<Entry> entries = new ArrayList<>();
            client.getJson("listing " + type.id() + " of " + sector, "/v1/storage/manifests/" + type.id() + "/" + sector)
                .get("files").forEach(f -> entries.add(new Entry(f.get("name").asString(), f.get("size").asLong())));
            manifests.put(type, entries);
            sizes.put(type, entries.stream().mapToLong(Entry::size).sum());
        }
        long sectorSize = Math.max(1, sizes.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Reservation> reservations = service.reserveSized(new AllocationRequest(sector, types, PathUse.STORE,
            sectorSize, null, "fetch from " + remote.name()), sizes);
        try {
            Map<SectorFileType, PathRow> paths = new EnumMap<>(SectorFileType.class);
            Map<SectorFileType, Path> roots = new EnumMap<>(SectorFileType.class);
            for (Reservation r : reservations) {
                PathRow p = index.path(r.pathId()).orElseThrow();
                paths.put(r.type(), p);
                roots.put(r.type(), Path.of(p.localPath()));
            }
            for (SectorFileType type : types) {
                download(sector, type, manifests.get(type), roots.get(type));
            }
            if (types.contains(SectorFileType.SEALED)) {
                verifySealed(sector, roots, types);
            }
            List<SectorCopy> out = new ArrayList<>();
            for (Reservation r : reservations) {
                Path root = roots.get(r.type());
                Path target = LocalStore.sectorPath(root, sector, r.type());
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(target + " already exists; remove it before fetching again");
                }
                Files.createDirectories(target.getParent());
                Files.move(LocalStore.fetchingPath(root, sector, r.type()), target, StandardCopyOption.ATOMIC_MOVE);
                PathRow p = paths.get(r.type());
                index.declare(p.id(), sector, r.type(), p.meta().canStore(), sizes.get(r.type()), clock.instant());
                service.remeasure(p.id());
            }
            recordRemoteCopies(sector, remoteCopies);
            for (SectorCopy c : service.find(actor, sector)) {
                if (c.remoteName() == null && reservations.stream().anyMatch(r -> r.pathId().equals(c.pathId())
                        && r.type() == c.type())) {
                    out.add(c);
                }
            }
            return out;
        } finally {
            reservations.forEach(r -> index.release(r.id()));
        }
    }

    /** Each file into fetching/: a plain file as {@code <name>.part}, a cache directory file by file. */
    private void download(SectorName sector, SectorFileType type, List<Entry> entries, Path root) throws IOException {
        Path temp = LocalStore.fetchingPath(root, sector, type);
        String base = "/v1/storage/files/" + type.id() + "/" + sector;
        if (!type.directory()) {
            Entry e = entries.getFirst();
            Path part = temp.resolveSibling(temp.getFileName() + ".part");
            if (Files.isRegularFile(temp) && Files.size(temp) == e.size()) {
                return; // an earlier attempt finished this file
            }
            client.download("fetching " + type.id() + " of " + sector, base, part, e.size());
            Files.move(part, temp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Files.createDirectories(temp);
        for (Entry e : entries) {
            if (!e.name().matches("[A-Za-z0-9._-]{1,200}") || e.name().startsWith(".")) {
                throw new IOException("remote " + remote.name() + " listed an unsafe file name '" + e.name() + "'");
            }
            Path file = temp.resolve(e.name());
            if (Files.isRegularFile(file) && Files.size(file) == e.size()) {
                continue;
            }
            Path part = temp.resolve(e.name() + ".part");
            client.download("fetching " + type.id() + "/" + e.name() + " of " + sector, base + "/" + e.name(), part, e.size());
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** comm_r_last on sampled leaves; against the fetched cache, or the remote's p_aux and tree-r-last. */
    private void verifySealed(SectorName sector, Map<SectorFileType, Path> roots, List<SectorFileType> types)
            throws IOException {
        Path sealedRoot = roots.get(SectorFileType.SEALED);
        Path sealed = LocalStore.fetchingPath(sealedRoot, sector, SectorFileType.SEALED);
        Path cacheDir;
        Path scratch = null;
        if (types.contains(SectorFileType.CACHE)) {
            cacheDir = LocalStore.fetchingPath(roots.get(SectorFileType.CACHE), sector, SectorFileType.CACHE);
        } else {
            scratch = sealedRoot.resolve(LocalStore.FETCHING).resolve("verify-" + sector);
            cacheDir = scratch;
            List<Entry> entries = new ArrayList<>();
            client.getJson("listing cache of " + sector, "/v1/storage/manifests/cache/" + sector).get("files")
                .forEach(f -> entries.add(new Entry(f.get("name").asString(), f.get("size").asLong())));
            for (Entry e : entries) {
                if (e.name().equals(PersistentAux.FILE_NAME) || e.name().equals(CacheFiles.TREE_R_LAST)) {
                    client.download("fetching " + e.name() + " of " + sector + " to verify the sealed file",
                        "/v1/storage/files/cache/" + sector + "/" + e.name(), scratch.resolve(e.name()), e.size());
                }
            }
        }
        try {
            SealedReplicaCheck.verify(kernels, sealed, cacheDir);
        } catch (IOException e) {
            Files.deleteIfExists(sealed); // a corrupt copy must be fetched anew, not continued
            throw new IOException("the sealed file of " + sector + " from remote " + remote.name()
                + " failed verification against comm_r_last (sampled leaves): " + e.getMessage());
        } finally {
            if (scratch != null) {
                for (String n : List.of(PersistentAux.FILE_NAME, CacheFiles.TREE_R_LAST)) {
                    Files.deleteIfExists(scratch.resolve(n));
                }
                Files.deleteIfExists(scratch);
            }
        }
    }

    /** The remote's own copies, under a path row marked with the remote's name, so find lists every copy. */
    private void recordRemoteCopies(SectorName sector, List<JsonNode> copies) {
        Instant now = clock.instant();
        for (JsonNode c : copies) {
            String pathId = c.get("pathId").asString();
            PathRow existing = index.path(pathId).orElse(null);
            if (existing != null && existing.remoteName() == null) {
                continue; // a path this database already tracks first-hand (a shared database)
            }
            if (existing == null) {
                index.insertPath(new PathRow(pathId, c.get("nodeId").asString(), remote.name(), null,
                    new StoreMeta(pathId, 0, false, c.get("primary").asBoolean(), 0, List.of(), List.of(), List.of(),
                        List.of(), List.of(), List.of()), 0, 0, 0, true, now, "", now));
            }
            index.declare(pathId, sector, SectorFileType.parse(c.get("type").asString()), c.get("primary").asBoolean(),
                c.get("size").asLong(), now);
        }
    }
}

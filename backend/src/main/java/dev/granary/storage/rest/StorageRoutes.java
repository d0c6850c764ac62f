package dev.granary.storage.rest;

import dev.granary.api.ApiRequests;
import dev.granary.api.ApiRoute;
import dev.granary.api.JsonSchema;
import dev.granary.api.Problem;
import dev.granary.api.ProblemException;
import dev.granary.api.ProblemType;
import dev.granary.api.RestAccess;
import dev.granary.api.RouteGroup;
import dev.granary.auth.Permission;
import dev.granary.storage.AttachRequest;
import dev.granary.storage.PathChanges;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.storage.StorageInputException;
import dev.granary.storage.StorageService;
import dev.granary.units.ByteSize;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** /api/v1/storage: paths (list, attach, set, detach, redeclare), find, what a path holds, remotes, fetch. */
public final class StorageRoutes implements RouteGroup {

    private static final String TAG = "storage";
    private final StorageService storage;

    public StorageRoutes(StorageService storage) {
        this.storage = storage;
    }

    record AttachBody(String path, Boolean init, Long weight, Boolean canSeal, Boolean canStore, Object maxStorage,
                      List<String> groups, List<String> allowTo, List<String> allowTypes, List<String> denyTypes,
                      List<String> allowMiners, List<String> denyMiners) {}

    record SetBody(Boolean canSeal, Boolean canStore, Long weight, Object maxStorage, List<String> groups,
                   List<String> allowTo, List<String> allowTypes, List<String> denyTypes, List<String> allowMiners,
                   List<String> denyMiners) {}

    record RedeclareBody(Boolean dropMissing) {}

    record RemoteBody(String name, String url, String token) {}

    record FetchBody(String remote, List<String> types) {}

    @Override
    public List<ApiRoute> routes() {
        JsonSchema path = StorageJson.pathSchema();
        JsonSchema copy = StorageJson.copySchema();
        JsonSchema redeclared = JsonSchema.array(JsonSchema.object().prop("pathId", JsonSchema.string())
            .prop("path", JsonSchema.string()).prop("declared", JsonSchema.integer()).prop("missing", JsonSchema.integer())
            .prop("dropped", JsonSchema.integer()).prop("ignored", StorageJson.STRINGS).prop("error", JsonSchema.string()));
        JsonSchema remote = JsonSchema.object().prop("name", JsonSchema.string()).prop("url", JsonSchema.string())
            .prop("addedAt", JsonSchema.string());
        return List.of(
            ApiRoute.get("/v1/storage/paths").permission(Permission.READ).tag(TAG)
                .summary("Storage paths with capacity, used, reserved, available, flags, groups, health and file counts")
                .response(200, "The paths", JsonSchema.array(path)).handler(guard(this::list)),
            ApiRoute.post("/v1/storage/paths").permission(Permission.WRITE).tag(TAG)
                .summary("Attach a directory as a storage path (init: create its sectorstore.json from the options)")
                .requestBody(options().prop("path", JsonSchema.string()).prop("init", JsonSchema.bool(), false))
                .response(201, "The attached path", path).handler(guard(this::attach)),
            ApiRoute.get("/v1/storage/paths/{id}").permission(Permission.READ).tag(TAG)
                .summary("One storage path by ID").response(200, "The path", path).handler(guard(this::one)),
            ApiRoute.patch("/v1/storage/paths/{id}").permission(Permission.WRITE).tag(TAG)
                .summary("Change a path's options (written to its sectorstore.json)").requestBody(options())
                .response(200, "The changed path", path).handler(guard(this::set)),
            ApiRoute.delete("/v1/storage/paths/{id}").permission(Permission.WRITE).tag(TAG)
                .summary("Detach a path (its files stay on disk); refused while in use unless ?force=true")
                .response(200, "The detached path", path).handler(guard(this::detach)),
            ApiRoute.post("/v1/storage/paths/{id}/redeclare").permission(Permission.WRITE).tag(TAG)
                .summary("Rescan one path for sector files; dropMissing forgets indexed files that are gone")
                .requestBody(JsonSchema.object().prop("dropMissing", JsonSchema.bool(), false))
                .response(200, "What was declared", redeclared).handler(guard(this::redeclareOne)),
            ApiRoute.post("/v1/storage/redeclare").permission(Permission.WRITE).tag(TAG)
                .summary("Rescan all of this node's paths for sector files")
                .requestBody(JsonSchema.object().prop("dropMissing", JsonSchema.bool(), false))
                .response(200, "What was declared", redeclared).handler(guard(this::redeclareAll)),
            ApiRoute.get("/v1/storage/paths/{id}/sectors").permission(Permission.READ).tag(TAG)
                .summary("The sector files a path holds").response(200, "The files", JsonSchema.array(copy))
                .handler(guard(this::pathSectors)),
            ApiRoute.get("/v1/storage/paths/{id}/reservations").permission(Permission.READ).tag(TAG)
                .summary("Space reserved in a path by running tasks").response(200, "The reservations",
                    JsonSchema.array(JsonSchema.object())).handler(guard(this::reservations)),
            ApiRoute.get("/v1/storage/sectors/{miner}/{number}").permission(Permission.READ).tag(TAG)
                .summary("Find a sector: where each of its files is and which copy is primary")
                .response(200, "The copies", JsonSchema.object().prop("sector", JsonSchema.string())
                    .prop("copies", JsonSchema.array(copy))).handler(guard(this::find)),
            ApiRoute.post("/v1/storage/sectors/{miner}/{number}/fetch").permission(Permission.WRITE).tag(TAG)
                .summary("Fetch a sector's files from a remote node into this node's best store path")
                .requestBody(JsonSchema.object().prop("remote", JsonSchema.string()).prop("types", StorageJson.STRINGS))
                .response(200, "The new local copies", JsonSchema.array(copy)).handler(guard(this::fetch)),
            ApiRoute.get("/v1/storage/remotes").permission(Permission.READ).tag(TAG)
                .summary("Nodes this node may fetch sector files from (tokens are never shown)")
                .response(200, "The remotes", JsonSchema.array(remote)).handler(guard(this::remotes)),
            ApiRoute.post("/v1/storage/remotes").permission(Permission.ADMIN).tag(TAG)
                .summary("Add or replace a remote: its base URL and an API token of that node (read permission)")
                .requestBody(JsonSchema.object().prop("name", JsonSchema.string()).prop("url", JsonSchema.string())
                    .prop("token", JsonSchema.string()))
                .response(201, "The remote", remote).handler(guard(this::addRemote)),
            ApiRoute.delete("/v1/storage/remotes/{name}").permission(Permission.ADMIN).tag(TAG)
                .summary("Forget a remote and its token").response(204, "Removed", JsonSchema.object())
                .handler(guard(this::removeRemote)));
    }

    /** The sectorstore.json options a body may set (attach with init, and set); each optional. */
    private static JsonSchema options() {
        return JsonSchema.object()
            .prop("weight", JsonSchema.integer(), false).prop("canSeal", JsonSchema.bool(), false)
            .prop("canStore", JsonSchema.bool(), false)
            .prop("maxStorage", JsonSchema.string().description("bytes, or a size like \"2TiB\"; 0 = no limit"), false)
            .prop("groups", StorageJson.STRINGS, false).prop("allowTo", StorageJson.STRINGS, false)
            .prop("allowTypes", StorageJson.STRINGS, false).prop("denyTypes", StorageJson.STRINGS, false)
            .prop("allowMiners", StorageJson.STRINGS, false).prop("denyMiners", StorageJson.STRINGS, false);
    }

    /** Bad input about a path answers 400 naming the path and the field, for scripts and for people. */
    static Handler guard(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (StorageInputException e) {
                throw new ProblemException(Problem.of(ProblemType.INVALID_REQUEST, e.getMessage())
                    .with("path", e.path()).with("field", e.field()));
            }
        };
    }

    private void list(Context ctx) {
        ctx.json(storage.list(RestAccess.actor(ctx)).stream().map(StorageJson::path).toList());
    }

    private void one(Context ctx) {
        ctx.json(StorageJson.path(storage.path(RestAccess.actor(ctx), ctx.pathParam("id"))));
    }

    private void attach(Context ctx) {
        AttachBody b = ApiRequests.body(ctx, AttachBody.class);
        AttachRequest r = new AttachRequest(b.path(), Boolean.TRUE.equals(b.init()),
            b.weight() == null ? AttachRequest.DEFAULT_WEIGHT : b.weight(), Boolean.TRUE.equals(b.canSeal()),
            Boolean.TRUE.equals(b.canStore()), Optional.ofNullable(size(b.maxStorage())).orElse(0L),
            strings("groups", b.groups()), strings("allowTo", b.allowTo()), strings("allowTypes", b.allowTypes()),
            strings("denyTypes", b.denyTypes()), strings("allowMiners", b.allowMiners()),
            strings("denyMiners", b.denyMiners()));
        ctx.status(201).json(StorageJson.path(storage.attach(RestAccess.actor(ctx), r)));
    }

    private void set(Context ctx) {
        SetBody b = ApiRequests.body(ctx, SetBody.class);
        PathChanges c = new PathChanges(b.canSeal(), b.canStore(), b.weight(), size(b.maxStorage()),
            strings("groups", b.groups()), strings("allowTo", b.allowTo()), strings("allowTypes", b.allowTypes()),
            strings("denyTypes", b.denyTypes()), strings("allowMiners", b.allowMiners()),
            strings("denyMiners", b.denyMiners()));
        ctx.json(StorageJson.path(storage.set(RestAccess.actor(ctx), ctx.pathParam("id"), c)));
    }

    private void detach(Context ctx) {
        boolean force = "true".equalsIgnoreCase(ctx.queryParam("force"));
        ctx.json(StorageJson.path(storage.detach(RestAccess.actor(ctx), ctx.pathParam("id"), force)));
    }

    private void redeclareOne(Context ctx) {
        boolean drop = dropMissing(ctx);
        ctx.json(storage.redeclare(RestAccess.actor(ctx), Optional.of(ctx.pathParam("id")), drop).stream()
            .map(StorageJson::redeclare).toList());
    }

    private void redeclareAll(Context ctx) {
        boolean drop = dropMissing(ctx);
        ctx.json(storage.redeclare(RestAccess.actor(ctx), Optional.empty(), drop).stream().map(StorageJson::redeclare)
            .toList());
    }

    private static boolean dropMissing(Context ctx) {
        if (ctx.body().isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(ApiRequests.body(ctx, RedeclareBody.class).dropMissing());
    }

    private void pathSectors(Context ctx) {
        ctx.json(storage.pathSectors(RestAccess.actor(ctx), ctx.pathParam("id")).stream().map(StorageJson::copy).toList());
    }

    private void reservations(Context ctx) {
        ctx.json(storage.reservations(RestAccess.actor(ctx), ctx.pathParam("id")).stream().map(StorageJson::reservation)
            .toList());
    }

    private void find(Context ctx) {
        SectorName sector = sector(ctx);
        ctx.json(Map.of("sector", sector.fileName(), "copies",
            storage.find(RestAccess.actor(ctx), sector).stream().map(StorageJson::copy).toList()));
    }

    private void fetch(Context ctx) {
        SectorName sector = sector(ctx);
        FetchBody b = ApiRequests.body(ctx, FetchBody.class);
        if (b.remote() == null || b.remote().isBlank()) {
            throw ApiRequests.invalid("name the remote to fetch from (remote)");
        }
        List<SectorFileType> types = b.types() == null || b.types().isEmpty()
            ? List.of(SectorFileType.SEALED, SectorFileType.CACHE) : SectorFileType.parseAll(b.types());
        ctx.json(storage.fetch(RestAccess.actor(ctx), b.remote(), sector, types).stream().map(StorageJson::copy).toList());
    }

    private void remotes(Context ctx) {
        ctx.json(storage.remotes(RestAccess.actor(ctx)).stream().map(StorageJson::remote).toList());
    }

    private void addRemote(Context ctx) {
        RemoteBody b = ApiRequests.body(ctx, RemoteBody.class);
        ctx.status(201).json(StorageJson.remote(storage.addRemote(RestAccess.actor(ctx), b.name(), b.url(), b.token())));
    }

    private void removeRemote(Context ctx) {
        storage.removeRemote(RestAccess.actor(ctx), ctx.pathParam("name"));
        ctx.status(204);
    }

    static SectorName sector(Context ctx) {
        return new SectorName(SectorName.parseMiner(ctx.pathParam("miner")), SectorName.parseNumber(ctx.pathParam("number")));
    }

    /** A list option as sent; a null element is refused here (the options' lists hold strings only). */
    static List<String> strings(String field, List<String> values) {
        if (values != null && values.contains(null)) {
            throw new StorageInputException(null, field, field + " must be a list of strings; it holds a null");
        }
        return values;
    }

    /** A size as a JSON number of bytes or a string like "2TiB"; null when absent. */
    static Long size(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            if (n.longValue() < 0 || n.doubleValue() != n.longValue()) {
                throw new StorageInputException(null, "maxStorage", "maxStorage must be a whole number of bytes from 0,"
                    + " got " + n);
            }
            return n.longValue();
        }
        try {
            return ByteSize.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new StorageInputException(null, "maxStorage", "maxStorage: " + e.getMessage());
        }
    }
}

package dev.granary.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.errors.ConflictException;
import dev.granary.storage.path.StoreMetaFile;
import dev.granary.testing.TestNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Attach, set, redeclare, find, reserve and detach on real temp directories through a real node's REST API. */
class StoragePathsTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String operator;
    static String viewer;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        node = TestNode.start(home.resolve("node"));
        operator = node.tokenForNewUser("storage-op", Role.OPERATOR);
        viewer = node.tokenForNewUser("storage-viewer", Role.VIEWER);
    }

    /** Each test starts with no paths: the node is shared, the directories are per test. */
    @org.junit.jupiter.api.AfterEach
    void detachAll() {
        StorageService storage = node.node().storage();
        storage.list(Actor.system()).forEach(p -> storage.detach(Actor.system(), p.id(), true));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode attachInit(Path p, boolean seal, boolean store, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("path", p.toString(), "init", true, "canSeal", seal,
            "canStore", store));
        body.putAll(more);
        HttpResponse<String> r = StorageTestSupport.attach(node, operator, body);
        assertEquals(201, r.statusCode(), r.body());
        return TestNode.json(r);
    }

    @Test
    void attachWithInitWritesALotusReadableFileAndTheLayoutAndListsUsage() throws IOException {
        JsonNode p = attachInit(dir, true, false, Map.of("weight", 20, "groups", List.of("seal-a"),
            "allowTo", List.of("store-a")));
        String id = p.get("id").asString();
        String file = Files.readString(dir.resolve("sectorstore.json"));
        assertTrue(file.startsWith("{\n  \"ID\": \"" + id + "\",\n  \"Weight\": 20,\n  \"CanSeal\": true,"), file);
        assertTrue(file.contains("\"DenyTypes\": null"), file);
        for (String sub : List.of("unsealed", "sealed", "cache")) {
            assertTrue(Files.isDirectory(dir.resolve(sub)), sub);
        }
        JsonNode listed = find(TestNode.json(node.request("GET", "/api/v1/storage/paths", null, viewer)), id);
        assertTrue(listed.get("healthy").asBoolean());
        assertTrue(listed.get("capacity").asLong() > 0);
        assertTrue(listed.get("available").asLong() > 0);
        assertEquals(List.of("seal-a"), List.of(listed.get("groups").get(0).asString()));
        // viewers read, but may not attach
        assertEquals(403, StorageTestSupport.attach(node, viewer, Map.of("path", dir.toString())).statusCode());
    }

    @Test
    void badInputNamesThePathAndTheFieldAndAttachesNothing() throws IOException {
        Path notDir = Files.writeString(dir.resolve("a-file"), "x");
        JsonNode e = TestNode.json(StorageTestSupport.attach(node, operator, Map.of("path", notDir.toString(), "init", true)));
        assertEquals(400, e.get("status").asInt());
        assertEquals("path", e.get("field").asString());
        assertTrue(e.get("detail").asString().contains("not a directory"), e.toString());

        Path malformed = Files.createDirectory(dir.resolve("malformed"));
        Files.writeString(malformed.resolve("sectorstore.json"), "{\"ID\": \"abc\", \"CanStore\": \"yes\"}");
        HttpResponse<String> r = StorageTestSupport.attach(node, operator, Map.of("path", malformed.toString()));
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("CanStore", TestNode.json(r).get("field").asString());
        assertTrue(TestNode.json(r).get("path").asString().endsWith("malformed"));
        assertFalse(Files.exists(malformed.resolve("sealed")), "nothing half-attached");

        Path missing = Files.createDirectory(dir.resolve("no-file"));
        r = StorageTestSupport.attach(node, operator, Map.of("path", missing.toString()));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(TestNode.json(r).get("detail").asString().contains("--init"), r.body());

        Path once = Files.createDirectory(dir.resolve("once"));
        String id = attachInit(once, false, true, Map.of()).get("id").asString();
        r = StorageTestSupport.attach(node, operator, Map.of("path", once.toString()));
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(TestNode.json(r).get("detail").asString().contains(id));

        // a copied directory carries the same ID: refused by ID
        Path copy = Files.createDirectory(dir.resolve("copy"));
        Files.copy(once.resolve("sectorstore.json"), copy.resolve("sectorstore.json"));
        r = StorageTestSupport.attach(node, operator, Map.of("path", copy.toString()));
        assertEquals(409, r.statusCode(), r.body());
        assertFalse(Files.exists(copy.resolve("sealed")), "nothing half-attached");
    }

    @Test
    void redeclareFindsFilesAndDropMissingForgetsGoneOnes() throws IOException {
        String id = attachInit(dir, false, true, Map.of()).get("id").asString();
        Files.write(dir.resolve("sealed/s-t01000-3"), new byte[2048]);
        Files.createDirectories(dir.resolve("cache/s-t01000-3"));
        Files.write(dir.resolve("cache/s-t01000-3/p_aux"), new byte[64]);
        Files.writeString(dir.resolve("sealed/notes.txt"), "not a sector");
        JsonNode result = TestNode.json(node.request("POST", "/api/v1/storage/paths/" + id + "/redeclare", "{}", operator));
        assertEquals(2, result.get(0).get("declared").asInt(), result.toString());
        assertEquals("sealed/notes.txt", result.get(0).get("ignored").get(0).asString());

        JsonNode found = TestNode.json(node.request("GET", "/api/v1/storage/sectors/f01000/3", null, viewer));
        assertEquals(2, found.get("copies").size(), found.toString());
        for (JsonNode c : found.get("copies")) {
            assertTrue(c.get("primary").asBoolean(), "a CanStore path's copy is primary");
            assertEquals(id, c.get("pathId").asString());
        }
        assertEquals(2, TestNode.json(node.request("GET", "/api/v1/storage/paths/" + id + "/sectors", null, viewer)).size());

        Files.delete(dir.resolve("sealed/s-t01000-3"));
        result = TestNode.json(node.request("POST", "/api/v1/storage/paths/" + id + "/redeclare", "{}", operator));
        assertEquals(1, result.get(0).get("missing").asInt());
        assertEquals(2, TestNode.json(node.request("GET", "/api/v1/storage/sectors/1000/3", null, viewer)).get("copies").size());
        result = TestNode.json(node.request("POST", "/api/v1/storage/paths/" + id + "/redeclare",
            "{\"dropMissing\": true}", operator));
        assertEquals(1, result.get(0).get("dropped").asInt());
        JsonNode copies = TestNode.json(node.request("GET", "/api/v1/storage/sectors/1000/3", null, viewer)).get("copies");
        assertEquals(1, copies.size());
        assertEquals("cache", copies.get(0).get("type").asString());
    }

    @Test
    void setRewritesTheFileAndTheIndex() throws IOException {
        String id = attachInit(dir, true, false, Map.of()).get("id").asString();
        HttpResponse<String> r = node.request("PATCH", "/api/v1/storage/paths/" + id,
            "{\"canStore\": true, \"weight\": 3, \"maxStorage\": \"1GiB\", \"groups\": [\"g1\"]}", operator);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode p = TestNode.json(r);
        assertTrue(p.get("canStore").asBoolean());
        assertEquals(3, p.get("weight").asLong());
        assertEquals(1L << 30, p.get("maxStorage").asLong());
        var meta = StoreMetaFile.read(dir).meta();
        assertTrue(meta.canStore() && meta.canSeal());
        assertEquals(List.of("g1"), meta.groups());
        r = node.request("PATCH", "/api/v1/storage/paths/" + id, "{\"allowTypes\": [\"sealed\", \"nope\"]}", operator);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("AllowTypes", TestNode.json(r).get("field").asString());
    }

    @Test
    void aPathFilledToMaxStorageRefusesNewReservationsWithTheReason() throws IOException {
        StorageService storage = node.node().storage();
        Actor system = Actor.system();
        long sector = 2048;
        // Lotus' sealing overhead for sealed + cache of a 2 KiB sector is 2 KiB + 14.1 × 2 KiB
        String id = attachInit(dir, true, false, Map.of("maxStorage", 40_000, "allowMiners", List.of("f01777")))
            .get("id").asString();
        AllocationRequest seal = new AllocationRequest(new SectorName(1777, 1),
            List.of(SectorFileType.SEALED, SectorFileType.CACHE), PathUse.SEAL, sector, null, "test PC1");
        List<Reservation> first = storage.reserve(system, seal);
        assertEquals(2, first.size());
        assertTrue(first.stream().allMatch(r -> r.pathId().equals(id)));
        ConflictException full = assertThrows(ConflictException.class, () -> storage.reserve(system,
            new AllocationRequest(new SectorName(1777, 2), List.of(SectorFileType.SEALED, SectorFileType.CACHE),
                PathUse.SEAL, sector, null, "test PC1")));
        assertTrue(full.getMessage().contains(dir.toRealPath() + " (" + id + "): needs"), full.getMessage());
        assertTrue(full.getMessage().contains("MaxStorage"), full.getMessage());
        assertEquals(2, storage.reservations(system, id).size());

        // the detach is refused while the reservations use the path; released, it goes
        HttpResponse<String> r = node.request("DELETE", "/api/v1/storage/paths/" + id, null, operator);
        assertEquals(409, r.statusCode(), r.body());
        first.forEach(res -> storage.release(system, res.id()));
        assertEquals(0, storage.reservations(system, id).size());
        assertEquals(2, storage.reserve(system, seal).size());
        // another miner is excluded by AllowMiners, with that reason
        ConflictException other = assertThrows(ConflictException.class, () -> storage.reserve(system,
            new AllocationRequest(new SectorName(1000, 1), List.of(SectorFileType.SEALED), PathUse.SEAL, sector, null, "")));
        assertTrue(other.getMessage().contains("AllowMiners/DenyMiners exclude f01000"), other.getMessage());
        r = node.request("DELETE", "/api/v1/storage/paths/" + id + "?force=true", null, operator);
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void aWriteThatDoesNotFitLeavesNoFileAndNoIndexEntry() throws IOException {
        StorageService storage = node.node().storage();
        Actor system = Actor.system();
        String id = attachInit(dir, false, true, Map.of("maxStorage", 3000, "allowMiners", List.of("f01888")))
            .get("id").asString();
        Reservation r = storage.reserve(system, new AllocationRequest(new SectorName(1888, 7),
            List.of(SectorFileType.SEALED), PathUse.STORE, 2048, null, "test write")).getFirst();
        assertThrows(UncheckedIOException.class, () -> storage.write(system, r.id(),
            new ByteArrayInputStream(new byte[4096])));
        assertFalse(Files.exists(dir.resolve("sealed/s-t01888-7")));
        assertEquals(List.of(), Files.list(dir.resolve("fetching/sealed")).toList(), "no partial file left");
        assertEquals(0, storage.find(system, new SectorName(1888, 7)).size());
        assertEquals(0, storage.reservations(system, id).size(), "released");

        Reservation ok = storage.reserve(system, new AllocationRequest(new SectorName(1888, 7),
            List.of(SectorFileType.SEALED), PathUse.STORE, 2048, null, "test write")).getFirst();
        SectorCopy c = storage.write(system, ok.id(), new ByteArrayInputStream(new byte[2048]));
        assertEquals(2048, c.size());
        assertTrue(c.primary());
        // remove takes exactly that file; removing it again is a clear 404, never a wider match
        storage.remove(system, id, new SectorName(1888, 7), SectorFileType.SEALED);
        assertFalse(Files.exists(dir.resolve("sealed/s-t01888-7")));
        assertThrows(dev.granary.errors.NotFoundException.class,
            () -> storage.remove(system, id, new SectorName(1888, 7), SectorFileType.SEALED));
    }

    @Test
    void moveGoesFromTheSealPathToAStorePathAndTheIndexFollows() throws IOException {
        StorageService storage = node.node().storage();
        Actor system = Actor.system();
        Path sealDir = Files.createDirectory(dir.resolve("seal"));
        Path storeDir = Files.createDirectory(dir.resolve("store"));
        String sealId = attachInit(sealDir, true, false, Map.of("allowMiners", List.of("f01999"), "allowTo",
            List.of("cold"))).get("id").asString();
        String storeId = attachInit(storeDir, false, true, Map.of("allowMiners", List.of("f01999"), "groups",
            List.of("cold"))).get("id").asString();
        SectorName s = new SectorName(1999, 4);
        Files.write(sealDir.resolve("sealed/" + s), new byte[2048]);
        Files.createDirectories(sealDir.resolve("cache/" + s));
        Files.write(sealDir.resolve("cache/" + s + "/p_aux"), new byte[64]);
        storage.redeclare(system, java.util.Optional.of(sealId), false);
        List<SectorCopy> moved = storage.move(system, s, List.of(SectorFileType.SEALED, SectorFileType.CACHE), 2048, null);
        assertEquals(2, moved.size());
        assertTrue(moved.stream().allMatch(c -> c.pathId().equals(storeId) && c.primary()));
        assertTrue(Files.isRegularFile(storeDir.resolve("sealed/" + s)));
        assertTrue(Files.isRegularFile(storeDir.resolve("cache/" + s + "/p_aux")));
        assertFalse(Files.exists(sealDir.resolve("sealed/" + s)));
        assertTrue(storage.find(system, s).stream().allMatch(c -> c.pathId().equals(storeId)));
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode p : list) {
            if (p.get("id").asString().equals(id)) {
                return p;
            }
        }
        throw new AssertionError("path " + id + " not listed in " + list);
    }
}

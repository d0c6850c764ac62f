package dev.granary.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.errors.ConflictException;
import dev.granary.testing.TestNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Hostile input to the storage routes and service: links out of a path, bad lists, ranges, full paths. */
class StorageHardeningTest {

    @TempDir
    static Path home;
    static TestNode node;
    static String operator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        node = TestNode.start(home.resolve("node"));
        operator = node.tokenForNewUser("hardening-op", Role.OPERATOR);
    }

    @AfterEach
    void detachAll() {
        StorageService storage = node.node().storage();
        storage.list(Actor.system()).forEach(p -> storage.detach(Actor.system(), p.id(), true));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theNodesHomeItsParentsAndTheRootCannotBeAttachedButADirectoryBelowTheHomeCan() throws Exception {
        Path nodeHome = node.node().home().root();
        for (Path refused : List.of(nodeHome, nodeHome.getParent(), nodeHome.getRoot())) {
            HttpResponse<String> r = StorageTestSupport.attach(node, operator, Map.of("path", refused.toString(), "init", true));
            assertEquals(400, r.statusCode(), refused + ": " + r.body());
            assertTrue(r.body().contains("\"field\":\"path\""), r.body());
        }
        assertFalse(Files.exists(nodeHome.resolve("sectorstore.json")), "nothing was written into the home");
        Path below = Files.createDirectories(nodeHome.resolve("storage"));
        attach(below, Map.of("canStore", true));
    }

    @Test
    void aMisspelledAttachOptionIsRefusedAndAttachesNothing() {
        HttpResponse<String> r = StorageTestSupport.attach(node, operator,
            Map.of("path", dir.toString(), "init", true, "canstore", true));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("unknown field 'canstore'") && r.body().contains("canStore"), r.body());
        assertFalse(Files.exists(dir.resolve("sectorstore.json")));
    }

    private String attach(Path p, Map<String, Object> more) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("path", p.toString(), "init", true));
        body.putAll(more);
        HttpResponse<String> r = StorageTestSupport.attach(node, operator, body);
        assertEquals(201, r.statusCode(), r.body());
        return TestNode.json(r).get("id").asString();
    }

    private static HttpResponse<String> get(String path, String range) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node.url(path)))
            .header("Authorization", "Bearer " + operator);
        if (range != null) {
            b.header("Range", range);
        }
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void aCacheDirectoryLinkedOutsideThePathIsNeitherDeclaredNorServed() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        String id = attach(disk, Map.of("canStore", true));
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "not a sector file");
        SectorName linked = new SectorName(1000, 9);
        Files.createSymbolicLink(disk.resolve("cache/" + linked), outside);
        assertThrows(IllegalArgumentException.class,
            () -> node.node().storage().declare(Actor.system(), id, linked, SectorFileType.CACHE));

        // a real cache directory declared, then swapped for a link: the files route no longer follows it
        SectorName swapped = new SectorName(1000, 10);
        Files.createDirectories(disk.resolve("cache/" + swapped));
        Files.writeString(disk.resolve("cache/" + swapped + "/p_aux"), "aux");
        node.node().storage().declare(Actor.system(), id, swapped, SectorFileType.CACHE);
        assertEquals(200, get("/api/v1/storage/files/cache/" + swapped + "/p_aux", null).statusCode());
        Files.delete(disk.resolve("cache/" + swapped + "/p_aux"));
        Files.delete(disk.resolve("cache/" + swapped));
        Files.createSymbolicLink(disk.resolve("cache/" + swapped), outside);
        HttpResponse<String> r = get("/api/v1/storage/files/cache/" + swapped + "/secret", null);
        assertEquals(404, r.statusCode(), r.body());
        assertFalse(r.body().contains("not a sector file"));
        assertEquals(404, get("/api/v1/storage/manifests/cache/" + swapped, null).statusCode());
    }

    @Test
    void aNullInAListOptionIsA400NamingTheFieldAndAttachesNothing() throws Exception {
        Path d = Files.createDirectory(dir.resolve("d"));
        HttpResponse<String> r = node.request("POST", "/api/v1/storage/paths",
            "{\"path\": \"" + d + "\", \"init\": true, \"allowTypes\": [\"sealed\", null]}", operator);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("allowTypes", TestNode.json(r).get("field").asString());
        assertFalse(Files.exists(d.resolve("sectorstore.json")), "nothing half-attached");
        assertFalse(Files.exists(d.resolve("sealed")), "nothing half-attached");

        String id = attach(d, Map.of());
        String before = Files.readString(d.resolve("sectorstore.json"));
        r = node.request("PATCH", "/api/v1/storage/paths/" + id, "{\"groups\": [null]}", operator);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("groups", TestNode.json(r).get("field").asString());
        assertEquals(before, Files.readString(d.resolve("sectorstore.json")), "the file is unchanged");
    }

    @Test
    void rangesAnswer206Or416NeverA500() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        String id = attach(disk, Map.of("canStore", true));
        SectorName s = new SectorName(1000, 1);
        byte[] bytes = new byte[100];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        Files.write(disk.resolve("sealed/" + s), bytes);
        node.node().storage().declare(Actor.system(), id, s, SectorFileType.SEALED);
        String file = "/api/v1/storage/files/sealed/" + s;
        Map<String, String> satisfiable = Map.of("bytes=0-9", "bytes 0-9/100", "bytes=90-", "bytes 90-99/100",
            "bytes=-10", "bytes 90-99/100", "bytes=-1000", "bytes 0-99/100", "bytes=99-200", "bytes 99-99/100");
        for (Map.Entry<String, String> e : satisfiable.entrySet()) {
            HttpResponse<String> r = get(file, e.getKey());
            assertEquals(206, r.statusCode(), e.getKey());
            assertEquals(e.getValue(), r.headers().firstValue("Content-Range").orElse(""), e.getKey());
        }
        assertEquals("klmnopqrst", get(file, "bytes=10-19").body());
        for (String bad : List.of("bytes=-0", "bytes=5-3", "bytes=100-", "bytes=0-1,5-6", "bytes=abc", "items=0-1",
                "bytes=99999999999999999999-", "bytes=0-99999999999999999999")) {
            HttpResponse<String> r = get(file, bad);
            assertEquals(416, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("problem+json"), bad);
            assertEquals("bytes */100", r.headers().firstValue("Content-Range").orElse(""), bad);
        }
        assertEquals(200, get(file, null).statusCode());
        for (String escape : List.of("/api/v1/storage/files/cache/" + s + "/..%2F..%2Fsectorstore.json",
                "/api/v1/storage/files/sealed/..%2Fsectorstore.json", "/api/v1/storage/files/cache/" + s + "/%2e%2e",
                "/api/v1/storage/files/cache/" + s + "/.hidden", "/api/v1/storage/files/cache/" + s + "/p_aux%00")) {
            HttpResponse<String> r = get(escape, null);
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, escape + " -> " + r.statusCode());
        }
    }

    @Test
    void aWrittenFileCountsAgainstMaxStorageBeforeTheNextHeartbeat() {
        StorageService storage = node.node().storage();
        Actor system = Actor.system();
        attach(dir, Map.of("canStore", true, "maxStorage", 3000, "allowMiners", List.of("f01555")));
        Reservation first = storage.reserve(system, new AllocationRequest(new SectorName(1555, 1),
            List.of(SectorFileType.SEALED), PathUse.STORE, 2048, null, "test write")).getFirst();
        storage.write(system, first.id(), new ByteArrayInputStream(new byte[2048]));
        // the reservation is released; the written 2 KiB must now count as used, not be promised again
        ConflictException full = assertThrows(ConflictException.class, () -> storage.reserve(system,
            new AllocationRequest(new SectorName(1555, 2), List.of(SectorFileType.SEALED), PathUse.STORE, 2048, null,
                "test write")));
        assertTrue(full.getMessage().contains("MaxStorage"), full.getMessage());
    }

    @Test
    void twoReservationsRacingForTheLastSpaceGetItOnce() throws Exception {
        StorageService storage = node.node().storage();
        attach(dir, Map.of("canStore", true, "maxStorage", 3000, "allowMiners", List.of("f01666")));
        CountDownLatch go = new CountDownLatch(1);
        List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (long n = 1; n <= 2; n++) {
                SectorName s = new SectorName(1666, n);
                tasks.add(pool.submit(() -> {
                    go.await();
                    try {
                        storage.reserve(Actor.system(), new AllocationRequest(s, List.of(SectorFileType.SEALED),
                            PathUse.STORE, 2048, null, "race"));
                        outcomes.add("reserved");
                    } catch (ConflictException e) {
                        outcomes.add("refused");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> t : tasks) {
                t.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Collections.sort(outcomes);
        assertEquals(List.of("refused", "reserved"), outcomes);
    }
}

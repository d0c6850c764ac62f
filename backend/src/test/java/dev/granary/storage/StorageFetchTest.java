package dev.granary.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.kernels.Kernels;
import dev.granary.kernels.commp.CommD;
import dev.granary.kernels.sdr.SdrKernels;
import dev.granary.proofs.ParentCacheStore;
import dev.granary.proofs.RegisteredSealProof;
import dev.granary.proofs.SealKernels;
import dev.granary.proofs.SealProofs;
import dev.granary.proofs.sector.SectorFiles;
import dev.granary.proofs.sector.SectorRef;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Two in-process nodes: B fetches a sealed 2 KiB sector from A over HTTP with an API token of A. */
class StorageFetchTest {

    @TempDir
    Path tmp;

    @Test
    void aSecondNodeFetchesASealedSectorVerifiesItAndTheIndexListsBothCopies() throws Exception {
        try (TestNode a = TestNode.start(tmp.resolve("a")); TestNode b = TestNode.start(tmp.resolve("b"))) {
            Path diskA = Files.createDirectory(tmp.resolve("disk-a"));
            Path diskB = Files.createDirectory(tmp.resolve("disk-b"));
            String pathA = attach(a, diskA);
            String pathB = attach(b, diskB);
            SectorName sector = new SectorName(1000, 5);
            seal2KiB(diskA, sector);
            assertEquals(200, a.request("POST", "/api/v1/storage/redeclare", "{}", a.adminToken()).statusCode());

            // B learns A's URL and an API token of A (read permission is all the file routes need)
            HttpResponse<String> t = a.request("POST", "/api/v1/tokens",
                "{\"name\": \"node-b fetches\", \"perm\": \"read\"}", a.adminToken());
            assertEquals(201, t.statusCode(), t.body());
            String token = TestNode.json(t).get("token").asString();
            HttpResponse<String> added = b.request("POST", "/api/v1/storage/remotes", TestNode.JSON.writeValueAsString(
                Map.of("name", "node-a", "url", a.url(""), "token", token)), b.adminToken());
            assertEquals(201, added.statusCode(), added.body());
            assertFalse(b.request("GET", "/api/v1/storage/remotes", null, b.adminToken()).body().contains(token),
                "the token is never shown");

            // a half-finished earlier fetch is continued with a Range request, not restarted
            byte[] sealed = Files.readAllBytes(diskA.resolve("sealed/" + sector));
            Path part = diskB.resolve("fetching/sealed/" + sector + ".part");
            Files.createDirectories(part.getParent());
            Files.write(part, Arrays.copyOf(sealed, 1000));

            HttpResponse<String> fetched = b.request("POST", "/api/v1/storage/sectors/1000/5/fetch",
                "{\"remote\": \"node-a\", \"types\": [\"sealed\", \"cache\"]}", b.adminToken());
            assertEquals(200, fetched.statusCode(), fetched.body());
            assertEquals(2, TestNode.json(fetched).size());
            assertArrayEquals(sealed, Files.readAllBytes(diskB.resolve("sealed/" + sector)));
            assertArrayEquals(Files.readAllBytes(diskA.resolve("cache/" + sector + "/p_aux")),
                Files.readAllBytes(diskB.resolve("cache/" + sector + "/p_aux")));
            assertFalse(Files.exists(part));

            JsonNode copies = TestNode.json(b.request("GET", "/api/v1/storage/sectors/1000/5", null, b.adminToken()))
                .get("copies");
            Set<String> where = new HashSet<>();
            copies.forEach(c -> where.add(c.get("type").asString() + "@" + c.get("pathId").asString()));
            // A's copies (its unsealed one too, seen in A's answer) and B's new ones
            assertEquals(Set.of("unsealed@" + pathA, "sealed@" + pathA, "cache@" + pathA, "sealed@" + pathB,
                "cache@" + pathB), where);
            copies.forEach(c -> {
                if (c.get("pathId").asString().equals(pathA)) {
                    assertEquals("node-a", c.get("remote").asString());
                }
            });
        }
    }

    @Test
    void aCorruptReplicaFailsVerificationAndIsNotRecorded() throws Exception {
        try (TestNode a = TestNode.start(tmp.resolve("a")); TestNode b = TestNode.start(tmp.resolve("b"))) {
            Path diskA = Files.createDirectory(tmp.resolve("disk-a"));
            Path diskB = Files.createDirectory(tmp.resolve("disk-b"));
            attach(a, diskA);
            attach(b, diskB);
            SectorName sector = new SectorName(1000, 6);
            seal2KiB(diskA, sector);
            Path sealed = diskA.resolve("sealed/" + sector);
            byte[] bytes = Files.readAllBytes(sealed);
            for (int i = 0; i < bytes.length; i += 64) {
                bytes[i] ^= 1; // every other leaf: the sample cannot miss it
            }
            Files.write(sealed, bytes);
            a.request("POST", "/api/v1/storage/redeclare", "{}", a.adminToken());
            b.request("POST", "/api/v1/storage/remotes", TestNode.JSON.writeValueAsString(
                Map.of("name", "node-a", "url", a.url(""), "token", a.adminToken())), b.adminToken());
            HttpResponse<String> r = b.request("POST", "/api/v1/storage/sectors/1000/6/fetch",
                "{\"remote\": \"node-a\", \"types\": [\"sealed\"]}", b.adminToken());
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(TestNode.json(r).get("detail").asString().contains("comm_r_last"), r.body());
            assertFalse(Files.exists(diskB.resolve("sealed/" + sector)));
            assertEquals(0, TestNode.json(b.request("GET", "/api/v1/storage/sectors/1000/6", null, b.adminToken()))
                .get("copies").size());
        }
    }

    private static String attach(TestNode node, Path dir) {
        HttpResponse<String> r = StorageTestSupport.attach(node, node.adminToken(), Map.of("path", dir.toString(),
            "init", true, "canSeal", true, "canStore", true));
        assertEquals(201, r.statusCode(), r.body());
        return TestNode.json(r).get("id").asString();
    }

    /** PreCommit1 + PreCommit2 of random Fr32-valid data into the path's sealed/ and cache/. */
    private void seal2KiB(Path root, SectorName sector) throws Exception {
        RegisteredSealProof proof = RegisteredSealProof.STACKED_DRG_2KIB_V1_1;
        SealProofs seal = new SealProofs(SealKernels.best(), new ParentCacheStore(tmp.resolve("parents"), SdrKernels.best()));
        SectorFiles files = SectorFiles.in(root, new SectorRef(sector.miner(), sector.number())).createDirectories();
        byte[] data = new byte[(int) proof.sectorSize()];
        new Random(sector.number()).nextBytes(data);
        for (int i = 31; i < data.length; i += 32) {
            data[i] &= 0x3f;
        }
        Files.write(files.unsealed(), data);
        byte[] ticket = new byte[32];
        new Random(7).nextBytes(ticket);
        int half = data.length / 2;
        List<CommD.Piece> pieces = List.of(
            new CommD.Piece(half, Kernels.java().merkleRoot(ByteBuffer.wrap(Arrays.copyOfRange(data, 0, half)))),
            new CommD.Piece(half, Kernels.java().merkleRoot(ByteBuffer.wrap(Arrays.copyOfRange(data, half, data.length)))));
        seal.preCommit2(seal.preCommit1(proof, files, new SectorRef(sector.miner(), sector.number()), ticket, pieces), files);
    }
}

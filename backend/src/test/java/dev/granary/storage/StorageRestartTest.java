package dev.granary.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.granary.auth.Actor;
import dev.granary.testing.TestNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What a stop leaves in the storage index, and what the next start does with it. */
class StorageRestartTest {

    @TempDir
    Path home;

    @TempDir
    Path store;

    @Test
    void reservationsOfAStoppedRunAreReleasedAtTheNextStartAndThePathStaysAttached() {
        String id;
        try (TestNode node = TestNode.start(home)) {
            HttpResponse<String> attached = StorageTestSupport.attach(node, node.adminToken(),
                Map.of("path", store.toString(), "init", true, "canStore", true, "allowMiners", List.of("f01777")));
            assertEquals(201, attached.statusCode(), attached.body());
            id = TestNode.json(attached).get("id").asString();
            node.node().storage().reserve(Actor.system(), new AllocationRequest(new SectorName(1777, 1),
                List.of(SectorFileType.SEALED), PathUse.STORE, 2048, null, "a task the stop interrupts"));
            assertEquals(1, node.node().storage().reservations(Actor.system(), id).size());
        }
        try (TestNode node = TestNode.start(home)) {
            JsonNode path = TestNode.json(node.getAsAdmin("/api/v1/storage/paths/" + id));
            assertEquals(store.toString(), path.get("path").asString(), path.toString());
            assertEquals(0, node.node().storage().reservations(Actor.system(), id).size());
            assertEquals(0, path.get("reserved").asLong(), path.toString());
            HttpResponse<String> detach = node.request("DELETE", "/api/v1/storage/paths/" + id, null, node.adminToken());
            assertEquals(200, detach.statusCode(), "nothing holds the path any more: " + detach.body());
        }
    }
}

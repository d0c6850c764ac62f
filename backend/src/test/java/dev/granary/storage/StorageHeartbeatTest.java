package dev.granary.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Actor;
import dev.granary.errors.ConflictException;
import dev.granary.kernels.Kernels;
import dev.granary.storage.index.StorageIndex;
import dev.granary.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats driven by hand: a storage service on a real node's database with its own node id (so the
 * node's own timer leaves these paths alone) and a clock the test moves.
 */
class StorageHeartbeatTest {

    @TempDir
    Path tmp;

    @Test
    void aVanishedDirectoryTurnsUnhealthyWithAnAlertAndRecoversWhenItReturns() throws Exception {
        try (TestNode node = TestNode.start(tmp.resolve("node"))) {
            StorageTestSupport.MovableClock clock = new StorageTestSupport.MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
            StorageService storage = StorageService.create(new StorageIndex(node.node().database().jdbi()), "hb-test-node",
                node.node().alerts(), node.node().auth().audit(), clock, Duration.ofSeconds(10), Duration.ofSeconds(50),
                Kernels.java());
            Actor system = Actor.system();
            Path disk = Files.createDirectory(tmp.resolve("disk"));
            PathInfo p = storage.attach(system, AttachRequest.init(disk.toString(), true, true));
            String alertKey = "storage.path:" + p.id();
            AllocationRequest work = new AllocationRequest(new SectorName(1000, 1), List.of(SectorFileType.SEALED),
                PathUse.SEAL, 2048, null, "test");

            assertTrue(storage.heartbeatRound().getFirst().healthy());

            Path away = tmp.resolve("disk-unmounted");
            Files.move(disk, away);
            clock.advance(Duration.ofSeconds(10));
            HeartbeatReport failed = storage.heartbeatRound().getFirst();
            assertFalse(failed.healthy());
            assertTrue(failed.error().contains(disk.toString()), failed.error());
            PathInfo sick = storage.path(system, p.id());
            assertFalse(sick.healthy());
            assertTrue(sick.lastError().contains("heartbeat probe failed"), sick.lastError());
            assertTrue(node.node().alerts().open(alertKey).isPresent(), "an alert is raised");
            ConflictException refused = assertThrows(ConflictException.class, () -> storage.reserve(system, work));
            assertTrue(refused.getMessage().contains("unhealthy"), refused.getMessage());

            Files.move(away, disk);
            clock.advance(Duration.ofSeconds(10));
            assertTrue(storage.heartbeatRound().getFirst().healthy());
            assertTrue(storage.path(system, p.id()).healthy());
            assertTrue(node.node().alerts().open(alertKey).isEmpty(), "the alert is resolved");
            assertEquals(1, storage.reserve(system, work).size());
        }
    }

    @Test
    void noHeartbeatWithinTheTimeoutCountsAsUnhealthy() throws Exception {
        try (TestNode node = TestNode.start(tmp.resolve("node"))) {
            StorageTestSupport.MovableClock clock = new StorageTestSupport.MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
            StorageService storage = StorageService.create(new StorageIndex(node.node().database().jdbi()), "hb-test-node",
                node.node().alerts(), node.node().auth().audit(), clock, Duration.ofSeconds(10), Duration.ofSeconds(50),
                Kernels.java());
            Path disk = Files.createDirectory(tmp.resolve("disk"));
            PathInfo p = storage.attach(Actor.system(), AttachRequest.init(disk.toString(), true, false));
            clock.advance(Duration.ofSeconds(49));
            assertTrue(storage.path(Actor.system(), p.id()).healthy());
            clock.advance(Duration.ofSeconds(2));
            PathInfo stale = storage.path(Actor.system(), p.id());
            assertFalse(stale.healthy());
            assertEquals("no heartbeat for 51s (limit 50s)", stale.lastError());
            storage.heartbeatRound();
            assertTrue(storage.path(Actor.system(), p.id()).healthy());
        }
    }
}

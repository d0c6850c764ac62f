package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `granary storage attach|list|find|set|detach` against a real node, with lotus-miner's flags. */
class StorageCliTest {

    @TempDir
    Path tmp;

    @Test
    void attachListFindSetAndDetachLikeLotusMiner() throws Exception {
        try (TestNode node = TestNode.start(tmp.resolve("node"))) {
            Map<String, String> env = Map.of(ApiInfo.ENV, node.adminToken() + ":" + node.url(""));
            Path disk = Files.createDirectory(tmp.resolve("disk"));
            NodeCli.Run attached = NodeCli.run(env, "storage", "attach", "--init", "--seal", "--store", "--weight", "5",
                "--max-storage", "1GiB", "--groups", "g1", disk.toString());
            assertEquals(0, attached.exitCode(), attached.err());
            assertTrue(attached.out().startsWith("attached " + disk.toRealPath()), attached.out());
            assertTrue(Files.readString(disk.resolve("sectorstore.json")).contains("\"MaxStorage\": 1073741824"));

            NodeCli.Run again = NodeCli.run(env, "storage", "attach", disk.toString());
            assertEquals(1, again.exitCode());
            assertTrue(again.err().contains("already attached"), again.err());

            Files.write(disk.resolve("sealed/s-t01000-9"), new byte[2048]);
            assertEquals(0, NodeCli.run(env, "storage", "redeclare", "--all").exitCode());
            NodeCli.Run list = NodeCli.run(env, "storage", "list");
            assertTrue(list.out().contains("seal+store") && list.out().contains("s1") && list.out().contains("ok ("),
                list.out());
            NodeCli.Run find = NodeCli.run(env, "storage", "find", "s-t01000-9");
            assertEquals(0, find.exitCode(), find.err());
            assertTrue(find.out().contains("sealed") && find.out().contains("yes"), find.out());
            assertEquals(find.out(), NodeCli.run(env, "storage", "find", "--actor", "f01000", "9").out());

            NodeCli.Run set = NodeCli.run(env, "storage", "set", "--seal", "false", "--weight", "7", disk.toString());
            assertEquals(0, set.exitCode(), set.err());
            assertTrue(Files.readString(disk.resolve("sectorstore.json")).contains("\"CanSeal\": false"));

            NodeCli.Run detached = NodeCli.run(env, "storage", "detach", disk.toString());
            assertEquals(0, detached.exitCode(), detached.err());
            assertTrue(NodeCli.run(env, "storage", "find", "1000", "9").out().contains("no files"));
        }
    }

    @Test
    void aPathNamedThroughASymbolicLinkIsTheAttachedDirectory() throws Exception {
        try (TestNode node = TestNode.start(tmp.resolve("node"))) {
            Map<String, String> env = Map.of(ApiInfo.ENV, node.adminToken() + ":" + node.url(""));
            Path disk = Files.createDirectory(tmp.resolve("disk"));
            Path link = Files.createSymbolicLink(tmp.resolve("disk-link"), disk);
            assertEquals(0, NodeCli.run(env, "storage", "attach", "--init", "--store", link.toString()).exitCode());

            NodeCli.Run set = NodeCli.run(env, "storage", "set", "--weight", "3", link.toString());
            assertEquals(0, set.exitCode(), set.err());
            NodeCli.Run detached = NodeCli.run(env, "storage", "detach", link.toString());
            assertEquals(0, detached.exitCode(), detached.err());
            assertTrue(detached.out().startsWith("detached " + disk.toRealPath()), detached.out());
        }
    }
}

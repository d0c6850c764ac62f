package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.TestNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `granary storage attach|list|find|set|detach` against a real node, with lotus-miner's flags. */
class StorageCliTest {

    @TempDir
    Path tmp;

    private static NodeCli.Run run(Map<String, String> env, String... args) {
        CommandLine cli = GranaryCli.commandLine();
        StorageCommand storage = cli.getSubcommands().get("storage").getCommand();
        storage.environment = env::get;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new NodeCli.Run(code, out.toString(), err.toString());
    }

    @Test
    void attachListFindSetAndDetachLikeLotusMiner() throws Exception {
        try (TestNode node = TestNode.start(tmp.resolve("node"))) {
            Map<String, String> env = Map.of(ApiInfo.ENV, node.adminToken() + ":" + node.url(""));
            Path disk = Files.createDirectory(tmp.resolve("disk"));
            NodeCli.Run attached = run(env, "storage", "attach", "--init", "--seal", "--store", "--weight", "5",
                "--max-storage", "1GiB", "--groups", "g1", disk.toString());
            assertEquals(0, attached.exitCode(), attached.err());
            assertTrue(attached.out().startsWith("attached " + disk.toRealPath()), attached.out());
            assertTrue(Files.readString(disk.resolve("sectorstore.json")).contains("\"MaxStorage\": 1073741824"));

            NodeCli.Run again = run(env, "storage", "attach", disk.toString());
            assertEquals(1, again.exitCode());
            assertTrue(again.err().contains("already attached"), again.err());

            Files.write(disk.resolve("sealed/s-t01000-9"), new byte[2048]);
            assertEquals(0, run(env, "storage", "redeclare", "--all").exitCode());
            NodeCli.Run list = run(env, "storage", "list");
            assertTrue(list.out().contains("seal+store") && list.out().contains("s1") && list.out().contains("ok ("),
                list.out());
            NodeCli.Run find = run(env, "storage", "find", "s-t01000-9");
            assertEquals(0, find.exitCode(), find.err());
            assertTrue(find.out().contains("sealed") && find.out().contains("yes"), find.out());
            assertEquals(find.out(), run(env, "storage", "find", "--actor", "f01000", "9").out());

            NodeCli.Run set = run(env, "storage", "set", "--seal", "false", "--weight", "7", disk.toString());
            assertEquals(0, set.exitCode(), set.err());
            assertTrue(Files.readString(disk.resolve("sectorstore.json")).contains("\"CanSeal\": false"));

            NodeCli.Run detached = run(env, "storage", "detach", disk.toString());
            assertEquals(0, detached.exitCode(), detached.err());
            assertTrue(run(env, "storage", "find", "1000", "9").out().contains("no files"));
        }
    }
}

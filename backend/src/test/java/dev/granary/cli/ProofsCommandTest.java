package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProofsCommandTest {

    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GranaryCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheParentCacheDigestAsJson() {
        Run run = run("proofs", "parent-cache", "--sector-size", "2KiB", "--proof", "V1", "--json",
                "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JsonMapper.shared().readTree(run.out());
        assertEquals("3da49221e2ed55371b86d0bf3d6526fcf128af61bed904f966428db1b531750d", json.get("sha256").asString());
        assertEquals(64, json.get("nodes").asLong());
        assertEquals("STACKED_DRG_2KIB_V1", json.get("proof").asString());
        assertTrue(Files.exists(Path.of(json.get("path").asString())));
        assertTrue(Path.of(json.get("path").asString()).startsWith(home.resolve("cache").resolve("parents")));
    }

    @Test
    void printsTextByDefault() {
        Run run = run("proofs", "parent-cache", "--sector-size", "2KiB", "--home", home.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("sha256:  840057702eea7652cf97e04306c30fe57174714d90de156a25eddd6075c25b97"), run.out());
    }

    @Test
    void anUnsupportedSizeIsAUsageError() {
        Run run = run("proofs", "parent-cache", "--sector-size", "4KiB", "--home", home.toString());
        assertEquals(2, run.exitCode());
        assertEquals("granary proofs parent-cache: unsupported sector size 4096 bytes; use one of 2KiB, 8MiB, 512MiB,"
                + " 32GiB, 64GiB", run.err().trim());
    }
}

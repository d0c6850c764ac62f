package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchSealCommandTest {

    @TempDir
    Path home;

    private String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args), out.toString());
        return out.toString();
    }

    @Test
    void sealPrintsEveryPhaseTheLabelRateAndTheShaRatio() {
        String text = run("seal", "--size", "2KiB", "--home", home.toString(), "--sha-seconds", "0.05");
        for (String phase : new String[] {"PreCommit1", "PreCommit2", "Commit1", "Commit2", "VerifySeal", "FinalizeSector",
            "CheckSector", "WindowPoSt generate"}) {
            assertTrue(Pattern.compile(Pattern.quote(phase) + ".*\\s\\d+\\.\\d{3}\\s+\\S+ MiB").matcher(text).find(),
                    phase + " missing in\n" + text);
        }
        assertTrue(text.contains("VerifySeal true; WindowPoSt true"), text);
        Matcher ratio = Pattern.compile("SHA-256 compressions/s = (\\d+\\.\\d+)").matcher(text);
        assertTrue(ratio.find(), text);
        assertTrue(Double.parseDouble(ratio.group(1)) >= 0, text);
        assertTrue(text.contains("kept cache after finalize: "), text);
    }

    @Test
    void postPrintsTheTimePerSector() {
        String text = run("post", "--size", "2KiB", "--sectors", "3", "--rounds", "2", "--home", home.toString());
        assertTrue(Pattern.compile("WindowPoSt generate: \\d+\\.\\d+ ms per sector \\(3 sectors, 2 partitions")
                .matcher(text).find(), text);
        assertTrue(text.contains("all verified: true"), text);
    }

    @Test
    void anUnknownSizeIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new BenchCommand());
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("seal", "--size", "3KiB", "--home", home.toString()));
        assertTrue(err.toString().startsWith("granary bench seal: "), err.toString());
    }
}

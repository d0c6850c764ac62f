package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.piece.PieceVectors;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class CommpCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CommpCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonMatchesEveryPayloadVectorWithBothCids() throws IOException {
        int checked = 0;
        for (JsonNode v : PieceVectors.load().get("payloads")) {
            if (!v.has("cid_v2")) {
                continue;
            }
            byte[] payload = PieceVectors.payload(v.get("payload").asString());
            Path file = Files.write(dir.resolve("payload-" + checked), payload);
            Run r = run(file.toString(), "--json");
            String expected = "{\"payloadSize\":" + payload.length + ",\"paddedSize\":" + v.get("padded_size").asLong()
                    + ",\"pieceCidV1\":\"" + v.get("cid_v1").asString() + "\",\"pieceCidV2\":\""
                    + v.get("cid_v2").asString() + "\"}" + System.lineSeparator();
            assertEquals(new Run(0, expected, ""), r, v.get("payload").asString());
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void humanOutputNamesEachValue() throws IOException {
        Path file = Files.write(dir.resolve("cc.bin"), PieceVectors.payload("127 bytes of 0xCC"));
        Run r = run(file.toString());
        assertEquals(0, r.exitCode());
        assertEquals(String.join(System.lineSeparator(),
                "payload size:  127 bytes",
                "padded size:   128 bytes",
                "piece CID v1:  baga6ea4seaqmfldjtozgne6adk7eve2vdxte7vzlivae7nzsbrawobo546zkijq",
                "piece CID v2:  bafkzcibcaabmfldjtozgne6adk7eve2vdxte7vzlivae7nzsbrawobo546zkijq", ""), r.out());
        assertEquals("", r.err());
    }

    @Test
    void emptyFileIsTheSmallestZeroPiece() throws IOException {
        Path file = Files.write(dir.resolve("empty"), new byte[0]);
        Run r = run(file.toString(), "--json");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("{\"payloadSize\":0,\"paddedSize\":128,"
                + "\"pieceCidV1\":\"baga6ea4seaqdomn3tgwgrh3g532zopskstnbrd2n3sxfqbze7rxt7vqn7veigmy\""), r.out());
    }

    @Test
    void missingFileIsOneLineOnStderr() {
        Path missing = dir.resolve("nope.bin");
        Run r = run(missing.toString());
        assertEquals(new Run(1, "", "granary commp: " + missing + ": no such file" + System.lineSeparator()), r);
    }

    @Test
    void directoryIsRejected() {
        Run r = run(dir.toString(), "--json");
        assertEquals(new Run(1, "", "granary commp: " + dir + ": is a directory" + System.lineSeparator()), r);
    }

    @Test
    void missingArgumentIsAUsageError() {
        Run r = run();
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Missing required parameter: 'FILE'"), r.err());
    }
}

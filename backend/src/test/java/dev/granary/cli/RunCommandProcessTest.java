package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.testing.Processes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `granary run` as a separate process: serves, refuses a second node on its home, and stops cleanly on SIGTERM. */
class RunCommandProcessTest {

    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");

    @Test
    void runsRefusesASecondNodeAndExitsZeroOnSigterm(@TempDir Path home) throws Exception {
        Processes.Running first = Processes.granary("run", "--home", home.toString(), "--listen", "127.0.0.1:0");
        String line = first.awaitStdout(l -> SERVING.matcher(l).find(), 60);
        Matcher m = SERVING.matcher(line);
        assertTrue(m.find());
        String base = m.group(1);

        HttpResponse<String> health = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());

        Processes.Running second = Processes.granary("run", "--home", home.toString(), "--listen", "127.0.0.1:0");
        int secondExit = second.awaitExit(60);
        assertNotEquals(0, secondExit);
        String err = String.join("\n", second.stderr);
        assertTrue(err.contains("in use by another Granary node (pid " + first.process.pid()), err);

        // SIGTERM through the handle: Process.destroy() would also close our ends of its output pipes.
        first.process.toHandle().destroy();
        assertEquals(0, first.awaitExit(60), "exit code after SIGTERM; stdout=" + first.stdout);
        assertTrue(first.stdout.stream().anyMatch(l -> l.contains("stopping Granary node")), first.stdout.toString());
    }

    @Test
    void versionPrintsTheBuild() throws Exception {
        Processes.Running version = Processes.granary("--version");
        assertEquals(0, version.awaitExit(30));
        assertTrue(version.stdout.get(0).startsWith("granary "), version.stdout.toString());
    }
}

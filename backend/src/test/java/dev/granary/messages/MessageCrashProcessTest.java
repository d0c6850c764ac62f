package dev.granary.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.InitialAdmin;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.testing.Processes;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real `granary run` process halts (as kill -9 would) at the fault point right after a send's record
 * commits and before its push: GRANARY_FAULT=messages.after-record. After a restart the recorded
 * message is pushed with its recorded nonce and signature and mined, and the next send takes the next
 * nonce, so nothing is lost and no nonce gap is left.
 */
class MessageCrashProcessTest {

    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSPHRASE = "crash test wallet passphrase";

    @Test
    void aCrashBetweenRecordAndPushLosesNothingAndLeavesNoNonceGap(@TempDir Path home) throws Exception {
        TestNode.writeConfig(home, "[chain]\nblock-delay = \"1s\"\n[ui]\nenabled = false\n[messages]\nconfidence = 1\n");
        String to = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address().toString();

        Processes.Running crashing = Processes.granary(Map.of("GRANARY_WALLET_PASSPHRASE", PASSPHRASE,
            Faults.ENV, Faults.AFTER_RECORD), "run", "--home", home.toString(), "--listen", "127.0.0.1:0");
        String base = serving(crashing);
        String token = signIn(base, home);
        assertThrows(IOException.class, () -> post(base, token, "/api/v1/messages", "{\"to\": \"" + to
            + "\", \"value\": \"1 FIL\"}"), "the node halts before it can answer");
        assertEquals(137, crashing.awaitExit(60), "halted at the fault point; stderr=" + crashing.stderr);
        assertTrue(String.join("\n", crashing.stderr).contains(Faults.AFTER_RECORD), crashing.stderr.toString());

        Processes.Running node = Processes.granary(Map.of("GRANARY_WALLET_PASSPHRASE", PASSPHRASE),
            "run", "--home", home.toString(), "--listen", "127.0.0.1:0");
        try {
            String url = serving(node);
            String admin = signIn(url, home);
            JsonNode listed = json(get(url, admin, "/api/v1/messages"));
            assertEquals(1, listed.get("messages").size(), "the recorded message survived: " + listed);
            JsonNode recorded = listed.get("messages").get(0);
            long nonce = recorded.get("nonce").asLong();
            String from = recorded.get("from").asString();

            JsonNode first = json(post(url, admin, "/api/v1/messages/" + recorded.get("id").asLong() + "/wait?timeout=2m", ""));
            assertEquals("confirmed", first.get("state").asString(), first.toString());
            assertEquals(recorded.get("cid"), first.get("executedCid"), "mined with the bytes signed before the crash");
            assertEquals(0, first.get("exitCode").asLong());

            HttpResponse<String> again = post(url, admin, "/api/v1/messages", "{\"to\": \"" + to + "\", \"value\": \"2 FIL\"}");
            assertEquals(201, again.statusCode(), again.body());
            JsonNode second = json(again);
            assertEquals(nonce + 1, second.get("nonce").asLong(), "the next send takes the next nonce");
            JsonNode done = json(post(url, admin, "/api/v1/messages/" + second.get("id").asLong() + "/wait?timeout=2m", ""));
            assertEquals("confirmed", done.get("state").asString(), done.toString());
            assertEquals(nonce + 2, json(get(url, admin, "/api/v1/mpool/nonce/" + from)).get("nonce").asLong(),
                "both nonces were used on chain, none skipped");
        } finally {
            node.process.toHandle().destroy();
            node.awaitExit(60);
        }
    }

    private static String serving(Processes.Running node) throws InterruptedException {
        Matcher m = SERVING.matcher(node.awaitStdout(l -> SERVING.matcher(l).find(), 120));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String signIn(String base, Path home) throws Exception {
        String password = Files.readString(home.resolve(InitialAdmin.FILE)).strip();
        HttpResponse<String> r = post(base, null, "/api/v1/session",
            TestNode.JSON.writeValueAsString(Map.of("username", "admin", "password", password)));
        assertEquals(201, r.statusCode(), r.body());
        return json(r).get("token").asString();
    }

    private static JsonNode json(HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
        return TestNode.JSON.readTree(r.body());
    }

    private static HttpResponse<String> get(String base, String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String base, String token, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofMinutes(3));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

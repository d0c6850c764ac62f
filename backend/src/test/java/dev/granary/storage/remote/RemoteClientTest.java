package dev.granary.storage.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.auth.Actor;
import dev.granary.auth.Role;
import dev.granary.storage.SectorFileType;
import dev.granary.storage.SectorName;
import dev.granary.testing.TestNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real node's storage routes: resuming, and never writing more than was announced. */
class RemoteClientTest {

    @TempDir
    static Path home;
    static TestNode node;
    static RemoteClient client;
    static final byte[] CONTENT = new byte[100_000];
    static final String FILE = "/v1/storage/files/sealed/" + new SectorName(1000, 1);

    @TempDir
    Path local;

    @BeforeAll
    static void serveOneFile() throws IOException {
        node = TestNode.start(home.resolve("node"));
        Path disk = Files.createDirectory(home.resolve("disk"));
        HttpResponse<String> attached = node.request("POST", "/api/v1/storage/paths", TestNode.JSON.writeValueAsString(
            Map.of("path", disk.toString(), "init", true, "canStore", true)), node.adminToken());
        assertEquals(201, attached.statusCode(), attached.body());
        for (int i = 0; i < CONTENT.length; i++) {
            CONTENT[i] = (byte) (i * 31 + i / 257);
        }
        Files.write(disk.resolve("sealed/" + new SectorName(1000, 1)), CONTENT);
        node.node().storage().declare(Actor.system(), TestNode.json(attached).get("id").asString(),
            new SectorName(1000, 1), SectorFileType.SEALED);
        client = new RemoteClient("node-a", node.url(""), node.tokenForNewUser("fetcher", Role.OPERATOR));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aDownloadCutShortContinuesFromTheBytesAlreadyThere() throws IOException {
        Path part = local.resolve("s.part");
        Files.write(part, Arrays.copyOf(CONTENT, 40_000));
        client.download("fetching", FILE, part, CONTENT.length);
        assertArrayEquals(CONTENT, Files.readAllBytes(part));
    }

    @Test
    void aRemoteSendingMoreThanItsManifestSaidIsCutOffAndNothingIsKept() throws IOException {
        Path part = local.resolve("s.part");
        IOException e = assertThrows(IOException.class, () -> client.download("fetching", FILE, part, 30_000));
        assertTrue(e.getMessage().contains("more than the 30000 bytes"), e.getMessage());
        assertEquals(0, Files.size(part));
    }

    @Test
    void aResumedDownloadAlsoStopsAtTheAnnouncedSize() throws IOException {
        Path part = local.resolve("s.part");
        Files.write(part, Arrays.copyOf(CONTENT, 10_000));
        IOException e = assertThrows(IOException.class, () -> client.download("fetching", FILE, part, 50_000));
        assertTrue(e.getMessage().contains("more than the 40000 bytes"), e.getMessage());
    }

    @Test
    void aConnectionLostMidFileKeepsWhatArrivedForTheNextAttempt() throws Exception {
        Path part = local.resolve("s.part");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + CONTENT.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    out.write(CONTENT, 0, 50_000);
                    out.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            RemoteClient dropping = new RemoteClient("flaky", "http://127.0.0.1:" + server.getLocalPort(), "token");
            assertThrows(IOException.class, () -> dropping.download("fetching", FILE, part, CONTENT.length));
            peer.join();
        }
        assertEquals(50_000, Files.size(part), "the bytes that arrived are kept to resume from");
        client.download("fetching", FILE, part, CONTENT.length);
        assertArrayEquals(CONTENT, Files.readAllBytes(part));
    }
}

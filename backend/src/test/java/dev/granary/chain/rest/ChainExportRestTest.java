package dev.granary.chain.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.car.CarBlock;
import dev.granary.car.CarReader;
import dev.granary.multiformats.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/chain/export: a CAR whose roots are the head and which holds every header back to genesis. */
class ChainExportRestTest {

    @TempDir
    static Path home;
    static ChainRestNode chain;

    @BeforeAll
    static void start() {
        chain = ChainRestNode.start(home);
        chain.advance(5);
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    @Test
    void theExportIsACarRootedAtTheHeadWithEveryHeaderBackToGenesis() throws Exception {
        JsonNode head = chain.getJson("/chain/head");
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(chain.node.url("/api/v1/chain/export")))
            .header("Authorization", "Bearer " + chain.operator).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.ipld.car", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"granary-devnet-" + head.get("Height").asLong() + ".car\"",
            r.headers().firstValue("Content-Disposition").orElseThrow());

        List<Cid> roots = new ArrayList<>();
        head.get("Cids").forEach(c -> roots.add(Cid.parse(c.get("/").asString())));
        Set<Cid> blocks = new HashSet<>();
        try (InputStream in = r.body()) {
            CarReader car = CarReader.open(in); // verifies every block against its CID
            assertEquals(roots, car.header().roots());
            for (CarBlock block = car.next(); block != null; block = car.next()) {
                blocks.add(block.cid());
            }
        }
        JsonNode tipset = head;
        while (true) {
            for (JsonNode cid : tipset.get("Cids")) {
                assertTrue(blocks.contains(Cid.parse(cid.get("/").asString())), "header at " + tipset.get("Height"));
            }
            if (tipset.get("Height").asLong() == 0) {
                break;
            }
            tipset = chain.getJson("/chain/tipsets/" + (tipset.get("Height").asLong() - 1));
        }
        assertTrue(blocks.contains(Cid.parse(head.at("/Blocks/0/ParentStateRoot/~1").asString())), "the head's state root");
    }

    @Test
    void exportingNeedsToBeSignedIn() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(chain.node.url("/api/v1/chain/export"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }
}

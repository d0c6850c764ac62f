package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.address.Network;
import dev.granary.auth.InitialAdmin;
import dev.granary.chain.mpool.MessagePool;
import dev.granary.chain.mpool.MpoolConfig;
import dev.granary.chain.store.ChainStore;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.lotusjson.LotusJson;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.testing.Processes;
import dev.granary.testing.TestNode;

/**
 * Kills a real `granary run` process with SIGKILL at random moments while it produces a block every
 * second and takes messages, 20 times. Every restart must resume from a consistent head; at the end the
 * whole chain re-executes to exactly the state roots and receipts its blocks name, and every message the
 * node accepted is either on chain or still in the pool.
 */
class ChainCrashTest {

    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int KILLS = 20;

    @Test
    void killNineWhileProducingLeavesAConsistentChainAndLosesNoAcceptedMessage(@TempDir Path home) throws Exception {
        TestNode.writeConfig(home, "[chain]\nblock-delay = \"1s\"\nprune-interval = 7\nstate-retention = 1000\n"
            + "[ui]\nenabled = false\n");
        Random random = new Random(20261121);
        List<Cid> accepted = new ArrayList<>();
        long lastHeight = -1;
        long nonce = 0;
        Address receiver = null;
        for (int kill = 0; kill < KILLS; kill++) {
            Processes.Running node = Processes.granary("run", "--home", home.toString(), "--listen", "127.0.0.1:0");
            String base = serving(node);
            String token = signIn(base, Files.readString(home.resolve(InitialAdmin.FILE)).strip());
            long height = head(base, token);
            assertTrue(height >= lastHeight, "head " + height + " after restart " + kill + " is below " + lastHeight);
            PrivateKey funded = ChainNodes.fundedKey(home);
            if (receiver == null) {
                receiver = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address();
            }
            nonce = nextNonce(base, token, funded);
            long pushUntil = System.nanoTime() + random.nextInt(2_500) * 1_000_000L;
            do {
                SignedMessage m = ChainNodes.transfer(funded, receiver, nonce, TokenAmount.ofAtto(1_000 + nonce));
                HttpResponse<String> r = post(base + "/api/v1/mpool/messages", token,
                    TestNode.JSON.writeValueAsString(new LotusJson(Network.MAINNET).signedMessage(m)));
                assertTrue(r.statusCode() == 200 || r.statusCode() == 201, "push of nonce " + nonce + ": " + r.body());
                accepted.add(m.cid());
                nonce++;
                Thread.sleep(random.nextInt(150));
            } while (System.nanoTime() < pushUntil);
            lastHeight = head(base, token);
            node.process.destroyForcibly(); // SIGKILL: no shutdown hook, no ordered stop
            node.awaitExit(30);
        }

        try (KvStore kv = KvStore.open(home.resolve("rocksdb"))) {
            ChainStore store = new ChainStore(kv);
            TipSet head = store.head().orElseThrow();
            assertTrue(head.height() >= lastHeight, "final head " + head.height() + " below " + lastHeight);
            int replayed = ChainReplay.assertEveryTipSetReexecutes(kv);
            assertTrue(replayed >= KILLS, "only " + replayed + " tipsets were produced over " + KILLS + " runs");
            MessageIndex index = new MessageIndex(kv);
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            long onChain = accepted.stream().filter(cid -> index.includedAt(cid).isPresent()).count();
            assertTrue(onChain > 0, "none of the " + accepted.size() + " accepted messages reached the chain");
            for (Cid cid : accepted) {
                assertTrue(index.includedAt(cid).isPresent() || pool.get(cid).isPresent(),
                    "accepted message " + cid + " is neither on chain nor in the pool");
            }
        }
    }

    private static String serving(Processes.Running node) throws InterruptedException {
        Matcher m = SERVING.matcher(node.awaitStdout(l -> SERVING.matcher(l).find(), 90));
        assertTrue(m.find());
        return m.group(1);
    }

    private static String signIn(String base, String password) throws Exception {
        HttpResponse<String> r = post(base + "/api/v1/session", null,
            TestNode.JSON.writeValueAsString(Map.of("username", "admin", "password", password)));
        assertEquals(201, r.statusCode(), r.body());
        return TestNode.JSON.readTree(r.body()).get("token").asString();
    }

    private static long head(String base, String token) throws Exception {
        HttpResponse<String> r = get(base + "/api/v1/chain/head", token);
        assertEquals(200, r.statusCode(), r.body());
        return TestNode.JSON.readTree(r.body()).get("Height").asLong();
    }

    private static long nextNonce(String base, String token, PrivateKey key) throws Exception {
        HttpResponse<String> r = get(base + "/api/v1/mpool/nonce/" + key.address(), token);
        assertEquals(200, r.statusCode(), r.body());
        return TestNode.JSON.readTree(r.body()).get("nonce").asLong();
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

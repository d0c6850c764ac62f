package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Network;
import dev.granary.car.CarReader;
import dev.granary.chain.genesis.ChainKeyFiles;
import dev.granary.crypto.KeyFormat;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.lotusjson.LotusJson;
import dev.granary.multiformats.Cid;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `granary chain` and `granary mpool` against a real node on the manual chain clock. */
class ChainCliTest {

    private static final String NL = System.lineSeparator();
    private static final Pattern CID = Pattern.compile("bafy2bza[a-z2-7]+");
    private static final Pattern RECEIPT = Pattern.compile("Executed in tipset: \\[(bafy2bza[a-z2-7]+ ?)+]" + NL
        + "Exit Code: 0" + NL + "Gas Used: \\d+" + NL + "Return: [0-9a-f]*" + NL);
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path home;
    @TempDir
    static Path files;
    static NodeCli node;
    static Path fundedKey;

    @BeforeAll
    static void start() {
        node = NodeCli.start(home);
        fundedKey = home.resolve("chain").resolve("keys").resolve(ChainKeyFiles.FUNDED);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static NodeCli.Run asAdmin(String... args) {
        return NodeCli.run(node.env(node.adminToken()), args);
    }

    private static JsonNode rest(String path) {
        HttpResponse<String> r = node.request("GET", "/api/v1" + path, null, node.adminToken());
        assertEquals(200, r.statusCode(), r.body());
        return NodeCli.JSON.readTree(r.body());
    }

    private static String newAddress(KeyType type) {
        return PrivateKey.generate(type, RANDOM).address().toString();
    }

    /** Advances the chain every 50 ms, as a wall clock would, while a command waits. */
    private static final class Ticker implements AutoCloseable {
        private final Thread thread = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                node.request("POST", "/api/v1/chain/clock/advance", "{\"epochs\": 1}", node.adminToken());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    @Test
    void advanceHeadAndStatusPrintTheChainLikeLotus() {
        NodeCli.Run advanced = asAdmin("chain", "advance", "2");
        assertEquals(0, advanced.exitCode(), advanced.err());
        JsonNode head = rest("/chain/head");
        long height = head.get("Height").asLong();
        String cid = head.at("/Cids/0/~1").asString();
        assertEquals("advanced to epoch " + height + "; head at height " + height + ": " + cid + NL, advanced.out());

        assertEquals(new NodeCli.Run(0, cid + NL, ""), asAdmin("chain", "head"));
        assertEquals(new NodeCli.Run(0, height + NL, ""), asAdmin("chain", "head", "--height"));

        NodeCli.Run status = asAdmin("chain", "status");
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().startsWith("Network:   granary-devnet (policy devnet)" + NL
            + "Clock:     manual, epoch " + height + ", block delay 4s" + NL
            + "Head:      height " + height + " at "), status.out());
        assertTrue(status.out().contains(NL + "           " + cid + NL), status.out());
        assertTrue(status.out().contains(NL + "HEIGHT  TIME "), status.out());
        assertEquals(rest("/chain/status").toString(), asAdmin("chain", "status", "--json").out().strip());
    }

    @Test
    void advancingNeedsAnAdmin() {
        HttpResponse<String> created = node.request("POST", "/api/v1/users", "{\"username\": \"chain-viewer\","
            + " \"password\": \"viewer-password-0123\", \"role\": \"viewer\"}", node.adminToken());
        assertEquals(201, created.statusCode(), created.body());
        String viewer = node.signIn("chain-viewer", "viewer-password-0123");
        long height = rest("/chain/head").get("Height").asLong();
        NodeCli.Run r = NodeCli.run(node.env(viewer), "chain", "advance", "1");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("granary chain advance: advancing the chain clock by 1 epochs: POST"
            + " /api/v1/chain/clock/advance needs the 'admin' permission"), r.err());
        assertEquals(height, rest("/chain/head").get("Height").asLong());
    }

    @Test
    void sendThenWaitShowsTheReceiptAndTheMessage() {
        String to = newAddress(KeyType.SECP256K1);
        NodeCli.Run sent = asAdmin("mpool", "send", "--key-file", fundedKey.toString(), "--to", to, "--value", "1.5");
        assertEquals(0, sent.exitCode(), sent.err());
        String cid = sent.out().strip();
        assertTrue(CID.matcher(cid).matches(), sent.out());
        assertTrue(asAdmin("mpool", "pending", "--cids").out().contains(cid + NL));
        assertTrue(asAdmin("mpool", "pending").out().contains("\"To\": \"" + to + "\""));

        asAdmin("chain", "advance", "2");
        NodeCli.Run waited = asAdmin("chain", "wait", cid);
        assertEquals(0, waited.exitCode(), waited.err());
        assertTrue(RECEIPT.matcher(waited.out()).matches(), waited.out());

        NodeCli.Run message = asAdmin("chain", "get-message", cid);
        assertTrue(message.out().startsWith("{" + NL + "  \"Version\": 0," + NL + "  \"To\": \"" + to + "\","), message.out());
        assertTrue(message.out().contains("  \"Value\": \"1500000000000000000\"," + NL), message.out());

        String headCid = rest("/chain/head").at("/Cids/0/~1").asString();
        NodeCli.Run block = asAdmin("chain", "get-block", headCid);
        assertTrue(block.out().contains("\"ParentReceipts\": ["), block.out());
        assertTrue(block.out().contains("\"SecpkMessages\": []"), block.out());
        assertTrue(asAdmin("chain", "get-block", "--raw", headCid).out().contains("\"ParentStateRoot\": {"));
    }

    @Test
    void sendWithWaitPrintsTheCidAndTheReceiptOnceExecuted() throws Exception {
        String to = newAddress(KeyType.BLS);
        NodeCli.Run sent;
        try (Ticker ignored = new Ticker()) {
            sent = asAdmin("mpool", "send", "--key-file", fundedKey.toString(), "--to", to, "--value", "250 milliFIL",
                "--wait");
        }
        assertEquals(0, sent.exitCode(), sent.err());
        Matcher m = Pattern.compile("(bafy2bza[a-z2-7]+)" + NL + "(.*)", Pattern.DOTALL).matcher(sent.out());
        assertTrue(m.matches(), sent.out());
        assertTrue(RECEIPT.matcher(m.group(2)).matches(), sent.out());
        assertEquals("250000000000000000", rest("/chain/actors/" + to).get("balance").asString());
    }

    @Test
    void createMinerWithWaitPrintsTheNewMinersAddresses() throws Exception {
        String worker = newAddress(KeyType.BLS);
        try (Ticker ignored = new Ticker()) {
            assertEquals(0, asAdmin("mpool", "send", "--key-file", fundedKey.toString(), "--to", worker, "--value", "1",
                "--wait").exitCode());
            NodeCli.Run created = asAdmin("chain", "create-miner", "--key-file", fundedKey.toString(), "--worker", worker,
                "--sector-size", "2KiB", "--wait");
            assertEquals(0, created.exitCode(), created.err());
            Matcher m = Pattern.compile("Pushed CreateMiner message: (bafy2bza[a-z2-7]+)" + NL + "Waiting for confirmation"
                + NL + "(Executed in tipset: .*)New miners address is: (f0\\d+) \\((f2[a-z2-7]+)\\)" + NL, Pattern.DOTALL)
                .matcher(created.out());
            assertTrue(m.matches(), created.out());
            assertTrue(Pattern.compile("Exit Code: 0" + NL).matcher(m.group(2)).find(), m.group(2));
            JsonNode info = rest("/chain/miners/" + m.group(3));
            assertEquals(2048, info.get("SectorSize").asLong());
            assertEquals(info, rest("/chain/miners/" + m.group(4)));
        }
    }

    @Test
    void createMinerWithoutAKeyFileIsSignedByTheNodesWallet() throws Exception {
        String owner = KeyFormat.HEX_LOTUS.importKey(Files.readString(fundedKey)).address().toString();
        String worker = newAddress(KeyType.BLS);
        try (Ticker ignored = new Ticker()) {
            assertEquals(0, asAdmin("mpool", "send", "--key-file", fundedKey.toString(), "--to", worker, "--value", "1",
                "--wait").exitCode());
            NodeCli.Run created = asAdmin("chain", "create-miner", "--owner", owner, "--worker", worker,
                "--sector-size", "8MiB", "--wait");
            assertEquals(0, created.exitCode(), created.err());
            Matcher m = Pattern.compile("Pushed CreateMiner message: (bafy2bza[a-z2-7]+) \\(message (\\d+)\\)" + NL
                + "Waiting for confirmation" + NL + "(ID: .*)New miners address is: (f0\\d+) \\((f2[a-z2-7]+)\\)" + NL,
                Pattern.DOTALL).matcher(created.out());
            assertTrue(m.matches(), created.out());
            assertTrue(m.group(3).contains("State:       confirmed"), m.group(3));
            JsonNode message = rest("/messages/" + m.group(2));
            assertEquals("create-miner", message.get("purpose").asString());
            assertEquals(owner, message.get("from").asString(), "the wallet's key signed");
            JsonNode info = rest("/chain/miners/" + m.group(4));
            assertEquals(8L << 20, info.get("SectorSize").asLong());
            assertEquals(info, rest("/chain/miners/" + m.group(5)));
        }
        NodeCli.Run notInWallet = asAdmin("chain", "create-miner", "--owner", newAddress(KeyType.SECP256K1),
            "--sector-size", "2KiB");
        assertEquals(1, notInWallet.exitCode(), notInWallet.out());
        assertTrue(notInWallet.err().contains("is not in this node's wallet; import its key first"), notInWallet.err());
        NodeCli.Run neither = asAdmin("chain", "create-miner", "--sector-size", "2KiB");
        assertEquals(2, neither.exitCode(), neither.err());
    }

    @Test
    void pushSendsASignedMessageFromAFile() throws Exception {
        PrivateKey funded = KeyFormat.HEX_LOTUS.importKey(Files.readString(fundedKey));
        HttpResponse<String> estimate = node.request("POST", "/api/v1/chain/gas-estimate", "{\"From\": \""
            + funded.address() + "\", \"To\": \"" + newAddress(KeyType.SECP256K1) + "\", \"Value\": \"1000\"}",
            node.adminToken());
        assertEquals(200, estimate.statusCode(), estimate.body());
        var signed = LotusJson.message(NodeCli.JSON.readTree(estimate.body()), "estimate").sign(funded);
        Path file = files.resolve("signed.json");
        Files.writeString(file, new LotusJson(Network.MAINNET).signedMessage(signed).toString());
        assertEquals(new NodeCli.Run(0, signed.cid() + NL, ""), asAdmin("mpool", "push", file.toString()));
        asAdmin("chain", "advance", "2");

        Path broken = files.resolve("broken.json");
        Files.writeString(broken, "{\"Message\": {}, \"Signature\": null}");
        NodeCli.Run r = asAdmin("mpool", "push", broken.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("granary mpool push: reading " + broken
            + ": not a signed message in Lotus JSON: SignedMessage.Message."), r.err());

        Files.writeString(file, new LotusJson(Network.MAINNET).signedMessage(signed).toString());
        NodeCli.Run again = asAdmin("mpool", "push", file.toString());
        assertEquals(1, again.exitCode());
        assertTrue(again.err().startsWith("granary mpool push: pushing message " + signed.cid()
            + ": the message pool rejected the message: nonce"), again.err());
    }

    @Test
    void exportWritesACarRootedAtTheHead() throws Exception {
        asAdmin("chain", "advance", "1");
        List<Cid> head = new ArrayList<>();
        rest("/chain/head").get("Cids").forEach(c -> head.add(Cid.parse(c.get("/").asString())));
        Path out = files.resolve("chain.car");
        NodeCli.Run r = asAdmin("chain", "export", "--out", out.toString());
        assertEquals(new NodeCli.Run(0, "exported " + Files.size(out) + " bytes to " + out + NL, ""), r);
        try (InputStream in = Files.newInputStream(out)) {
            assertEquals(head, CarReader.open(in).header().roots());
        }
        try (var listing = Files.list(files)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no partial file is left");
        }

        Path dir = Files.createDirectories(files.resolve("exports"));
        NodeCli.Run intoDir = asAdmin("chain", "export", "--out", dir.toString());
        Path named = dir.resolve("granary-devnet-" + rest("/chain/head").get("Height").asLong() + ".car");
        assertEquals(new NodeCli.Run(0, "exported " + Files.size(named) + " bytes to " + named + NL, ""), intoDir);
    }

    @Test
    void badKeysAndArgumentsAreRefusedBeforeAnythingIsSent() throws Exception {
        Path notAKey = files.resolve("not-a-key");
        Files.writeString(notAKey, "7b22");
        NodeCli.Run badKey = asAdmin("mpool", "send", "--key-file", notAKey.toString(), "--to", "f099", "--value", "1");
        assertEquals(1, badKey.exitCode());
        assertTrue(badKey.err().startsWith("granary mpool send: reading key file " + notAKey + " (hex-lotus): "),
            badKey.err());

        String[][] usage = {
            {"mpool", "send", "--key-file", fundedKey.toString(), "--value", "1"},
            {"mpool", "send", "--key-file", fundedKey.toString(), "--to", "f099", "--value", "1", "--confidence", "2"},
            {"mpool", "send", "--key-file", fundedKey.toString(), "--to", "nowhere", "--value", "1"},
            {"mpool", "send", "--key-file", fundedKey.toString(), "--to", "f099", "--value", "lots"},
            {"mpool", "send", "--key-file", fundedKey.toString(), "--to", "f099", "--value", "1", "--params-hex", "xyz"},
            {"chain", "create-miner", "--key-file", fundedKey.toString(), "--sector-size", "4KiB"},
            {"chain", "wait", "not-a-cid"},
            {"chain", "advance", "0"},
        };
        for (String[] args : usage) {
            NodeCli.Run r = asAdmin(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
        }
        assertEquals(0, rest("/mpool/pending").size(), "nothing was pushed");
    }
}

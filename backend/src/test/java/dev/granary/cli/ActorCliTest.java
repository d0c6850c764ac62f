package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.auth.Role;
import dev.granary.auth.UserService;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.control.ControlNode;
import dev.granary.crypto.KeyType;
import dev.granary.fil.TokenAmount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `granary actor ...` and `granary watermarks ...` against a real node on the manual chain clock. */
class ActorCliTest {

    @TempDir
    static Path home;
    static ControlNode n;
    static Map<String, String> admin;

    @BeforeAll
    static void start() {
        n = ControlNode.start(home, "");
        admin = env(n.node.adminToken());
    }

    @AfterAll
    static void stop() {
        n.close();
    }

    private static Map<String, String> env(String token) {
        return Map.of(ApiInfo.ENV, token + ":" + n.node.url(""));
    }

    private static NodeCli.Run granary(String... args) {
        return NodeCli.run(admin, args);
    }

    private record Miner(Address id, Address owner, Address worker) {}

    private static Miner newMiner() {
        Address owner = n.walletKey(KeyType.SECP256K1, "owner");
        Address worker = n.walletKey(KeyType.BLS, "worker");
        n.fund(TokenAmount.ofFil(100), owner, worker);
        return new Miner(n.createMiner(owner, owner, worker), owner, worker);
    }

    /** Advances the chain every 20 ms, as a wall clock would, while a command waits for its message. */
    private static final class Ticker implements AutoCloseable {
        private final Thread thread = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                n.node.advanceEpochs(1);
                try {
                    Thread.sleep(20);
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

    private static String line(String output, String start) {
        return output.lines().filter(l -> l.startsWith(start)).findFirst()
            .orElseThrow(() -> new AssertionError("no line starting '" + start + "' in:\n" + output));
    }

    @Test
    void controlListAndSetWorkLikeLotusMiner() {
        Miner m = newMiner();
        Address c1 = n.walletKey(KeyType.SECP256K1, "c1");
        Address c2 = n.walletKey(KeyType.SECP256K1, "c2");
        n.fund(TokenAmount.ofFil(3), c1, c2);

        NodeCli.Run list = granary("actor", "control", "list", "--actor", m.id().toString());
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(line(list.out(), "owner,beneficiary").contains(n.idOf(m.owner()).toString()), list.out());
        assertTrue(line(list.out(), "worker ").contains(m.worker().toString().substring(0, 6) + "..."), list.out());

        NodeCli.Run dry = granary("actor", "control", "set", "--actor", m.id().toString(), c1.toString(), c2.toString());
        assertEquals(1, dry.exitCode());
        assertEquals("Add " + c1 + System.lineSeparator() + "Add " + c2 + System.lineSeparator(), dry.out());
        assertTrue(dry.err().contains("Pass --really-do-it to actually execute this action"), dry.err());
        assertEquals(0, n.getJson("/chain/miners/" + m.id()).get("ControlAddresses").size(), "nothing was sent");

        NodeCli.Run set = granary("actor", "control", "set", "--actor", m.id().toString(), "--really-do-it",
            c1.toString(), c2.toString());
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.out().startsWith("Add " + c1), set.out());
        line(set.out(), "Message CID: bafy2bza");
        n.settle();

        NodeCli.Run after = granary("actor", "control", "list", "--actor", m.id().toString(), "--verbose");
        String control0 = line(after.out(), "control-0");
        assertTrue(control0.contains(c1.toString()) && control0.contains(" post ") && control0.contains("3 FIL")
            && control0.endsWith("yes"), after.out());

        NodeCli.Run remove = granary("actor", "control", "set", "--actor", m.id().toString(), c2.toString());
        assertEquals("Remove " + c1 + System.lineSeparator(), remove.out());
    }

    @Test
    void theWorkerIsProposedThenConfirmedOnlyAtItsHeight() throws Exception {
        Miner m = newMiner();
        Address newWorker = n.walletKey(KeyType.BLS, "new-worker");
        n.fund(TokenAmount.ofFil(10), newWorker);
        String miner = m.id().toString();

        NodeCli.Run same = granary("actor", "propose-change-worker", "--actor", miner, m.worker().toString());
        assertEquals(1, same.exitCode());
        assertTrue(same.err().contains("worker address already set to " + m.worker()), same.err());
        NodeCli.Run dry = granary("actor", "propose-change-worker", "--actor", miner, newWorker.toString());
        assertEquals(1, dry.exitCode());
        assertTrue(dry.err().contains("--really-do-it"), dry.err());

        NodeCli.Run proposed;
        try (Ticker ignored = new Ticker()) {
            proposed = granary("actor", "propose-change-worker", "--actor", miner, "--really-do-it", newWorker.toString());
        }
        assertEquals(0, proposed.exitCode(), proposed.err());
        assertTrue(proposed.out().startsWith("Propose Message CID: bafy2bza"), proposed.out());
        String changes = line(proposed.out(), "Worker key change to " + newWorker + " successfully sent");
        long height = Long.parseLong(changes.replaceAll(".* at height (\\d+)\\.$", "$1"));
        assertTrue(height > n.node.node().chain().chainHead().height(), "the delay is " + ChainPolicy.devnet()
            .workerKeyChangeDelay() + " epochs: " + changes);

        NodeCli.Run early = granary("actor", "confirm-change-worker", "--actor", miner, "--really-do-it",
            newWorker.toString());
        assertEquals(1, early.exitCode());
        assertTrue(early.err().contains("worker key change cannot be confirmed until " + height), early.err());

        n.node.advanceEpochs(height - n.node.node().chain().chainHead().height());
        NodeCli.Run confirmed;
        try (Ticker ignored = new Ticker()) {
            confirmed = granary("actor", "confirm-change-worker", "--actor", miner, "--really-do-it", newWorker.toString());
        }
        assertEquals(0, confirmed.exitCode(), confirmed.err());
        assertTrue(confirmed.out().contains("Worker changed to " + newWorker), confirmed.out());
        assertEquals(n.idOf(newWorker).toString(), n.getJson("/chain/miners/" + miner).get("Worker").asString());
    }

    @Test
    void setOwnerRunsOnceFromTheOldOwnerAndOnceFromTheNewOne() throws Exception {
        Miner m = newMiner();
        Address newOwner = n.walletKey(KeyType.SECP256K1, "new-owner");
        Address bystander = n.walletKey(KeyType.SECP256K1, "bystander");
        n.fund(TokenAmount.ofFil(10), newOwner, bystander);
        String miner = m.id().toString();

        NodeCli.Run wrongSender = granary("actor", "set-owner", "--actor", miner, "--really-do-it", newOwner.toString(),
            bystander.toString());
        assertEquals(1, wrongSender.exitCode());
        assertTrue(wrongSender.err().contains("must be the current owner"), wrongSender.err());
        NodeCli.Run dry = granary("actor", "set-owner", "--actor", miner, newOwner.toString(), m.owner().toString());
        assertEquals(1, dry.exitCode());
        assertTrue(dry.out().startsWith("Would propose " + n.idOf(newOwner)), dry.out());

        try (Ticker ignored = new Ticker()) {
            NodeCli.Run propose = granary("actor", "set-owner", "--actor", miner, "--really-do-it", newOwner.toString(),
                m.owner().toString());
            assertEquals(0, propose.exitCode(), propose.err());
            assertTrue(propose.out().contains("message succeeded!"), propose.out());
            NodeCli.Run confirm = granary("actor", "set-owner", "--actor", miner, "--really-do-it", newOwner.toString(),
                newOwner.toString());
            assertEquals(0, confirm.exitCode(), confirm.err());
        }
        JsonNode info = n.getJson("/chain/miners/" + miner);
        assertEquals(n.idOf(newOwner).toString(), info.get("Owner").asString());
        assertTrue(info.get("PendingOwnerAddress").isNull(), info.toString());
    }

    @Test
    void theSelectionIsExplainedAndConfiguredAndActorMayBeLeftOut() {
        Miner m = newMiner();
        newMiner();
        String miner = m.id().toString();
        Address c1 = n.walletKey(KeyType.SECP256K1, "pc");
        n.fund(TokenAmount.ofFil(5), c1);
        var sent = n.node.node().control().setControlAddresses(ControlNode.SYSTEM, m.id(), List.of(c1));
        n.settle();
        n.confirmed(sent);

        NodeCli.Run configured = granary("actor", "control", "selection", "set", "--actor", miner, "--pre-commit",
            c1.toString(), "--disable-worker-fallback");
        assertEquals(0, configured.exitCode(), configured.err());
        assertTrue(configured.out().contains("DisableWorkerFallback: true"), configured.out());
        String preCommit = line(configured.out(), "PreCommit: " + n.idOf(c1));
        assertTrue(preCommit.contains("wants 0.07 FIL"), preCommit);

        NodeCli.Run explained = granary("actor", "control", "selection", "--actor", miner);
        assertEquals(0, explained.exitCode(), explained.err());
        assertTrue(line(explained.out(), "PoSt: ").contains(n.idOf(m.worker()).toString()),
            "c1 is taken by PreCommit, so PoSt falls back to the worker:\n" + explained.out());
        assertTrue(explained.out().contains("skipped: also configured for PreCommit"), explained.out());

        NodeCli.Run ambiguous = granary("actor", "control", "list");
        assertEquals(1, ambiguous.exitCode());
        assertTrue(ambiguous.err().contains("pass --actor"), ambiguous.err());

        n.node.node().auth().users().create(ControlNode.SYSTEM, new UserService.NewUser("one-miner", "one-miner",
            "pw-one-miner-0123456789", Role.SIGNER.id(), List.of(miner)));
        NodeCli.Run implicit = NodeCli.run(env(n.node.signIn("one-miner", "pw-one-miner-0123456789")),
            "actor", "control", "list");
        assertEquals(0, implicit.exitCode(), implicit.err());
        assertTrue(line(implicit.out(), "control-0").contains(n.idOf(c1).toString()), implicit.out());
    }

    @Test
    void watermarksAreListedSetAndRemoved() {
        Address a = n.walletKey(KeyType.SECP256K1, "watermarked");
        NodeCli.Run set = granary("watermarks", "set", a.toString(), "--low", "1 FIL", "--high", "4 FIL", "--funding",
            n.funded.toString());
        assertEquals(0, set.exitCode(), set.err());
        assertEquals("watermark of " + a + ": below 1 FIL top up to 4 FIL from " + n.funded + " (balance now 0 FIL)",
            set.out().strip());
        n.node.advanceEpochs(ControlNode.SETTLE + 1);
        NodeCli.Run list = granary("watermarks", "list");
        assertTrue(line(list.out(), a.toString()).contains("4 FIL"), list.out());
        NodeCli.Run bad = granary("watermarks", "set", a.toString(), "--low", "5 FIL", "--high", "4 FIL", "--funding",
            n.funded.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("must be below the high mark"), bad.err());
        assertEquals(0, granary("watermarks", "remove", a.toString()).exitCode());
        assertTrue(granary("watermarks", "list").out().lines().noneMatch(l -> l.startsWith(a.toString())));
    }
}

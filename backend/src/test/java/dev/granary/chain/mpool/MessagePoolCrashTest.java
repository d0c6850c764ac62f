package dev.granary.chain.mpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

/** The pool survives a kill -9: every add that returned is on disk, with replacements applied. */
class MessagePoolCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledProcessLeavesExactlyTheAcceptedMessages() throws Exception {
        Path db = dir.resolve("db");
        Cid root;
        try (KvStore kv = KvStore.open(db)) {
            root = MpoolFixture.genesis(kv);
        }
        Process child = startChild(db, root);
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                output.add(line);
            }
            assertEquals("READY 3", line, "child output: " + output);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no RocksDB close
            child.waitFor(30, TimeUnit.SECONDS);
        }
        SignedMessage[] sent = MpoolCrashChild.MESSAGES;
        try (KvStore kv = KvStore.open(db)) {
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            assertEquals(List.of(sent[0], sent[1], sent[3]), pool.pending());
        }
    }

    private static Process startChild(Path db, Cid root) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                MpoolCrashChild.class.getName(), db.toString(), root.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}

package dev.granary.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.multiformats.Cid;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** `granary wallet send`, `granary mpool replace` and `granary messages list|status|wait` against a real node. */
class MessagesCliTest {

    @Test
    void sendReplaceListStatusAndWait(@TempDir Path home) {
        try (NodeCli node = NodeCli.start(home)) {
            var env = node.env(node.adminToken());
            String to = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address().toString();

            NodeCli.Run sent = NodeCli.run(env, "wallet", "send", "--idempotency-key", "invoice-9", to, "1.5");
            assertEquals(0, sent.exitCode(), sent.err());
            String cid = sent.out().strip();
            Cid.parse(cid);
            NodeCli.Run retried = NodeCli.run(env, "wallet", "send", "--idempotency-key", "invoice-9", to, "1.5");
            assertEquals(cid, retried.out().strip(), "a retry prints the first message's CID and sends nothing");

            NodeCli.Run list = NodeCli.run(env, "messages", "list");
            assertEquals(0, list.exitCode(), list.err());
            assertEquals(2, list.out().lines().count(), "header and one message: " + list.out());
            assertTrue(list.out().contains("pushed") && list.out().contains(cid), list.out());

            JsonNode message = NodeCli.run(env, "messages", "status", "--json", cid).json();
            String from = message.get("from").asString();
            long nonce = message.get("nonce").asLong();
            NodeCli.Run replaced = NodeCli.run(env, "mpool", "replace", "--auto", from, Long.toString(nonce));
            assertEquals(0, replaced.exitCode(), replaced.err());
            assertTrue(replaced.out().startsWith("new message cid: "), replaced.out());
            String newCid = replaced.out().strip().substring("new message cid: ".length());
            assertNotEquals(cid, newCid);

            NodeCli.Run status = NodeCli.run(env, "messages", "status", "1");
            assertTrue(status.out().contains("Replaced:") && status.out().contains(cid + " -> " + newCid), status.out());

            NodeCli.Run underpriced = NodeCli.run(env, "mpool", "replace", "--gas-premium", "1", newCid);
            assertEquals(1, underpriced.exitCode());
            assertTrue(underpriced.err().contains("below the minimum replacement premium"), underpriced.err());

            assertEquals(0, NodeCli.run(env, "chain", "advance", "8").exitCode());
            NodeCli.Run waited = NodeCli.run(env, "messages", "wait", "1");
            assertEquals(0, waited.exitCode(), waited.err());
            assertTrue(waited.out().contains("confirmed") && waited.out().contains("exit code 0"), waited.out());
        }
    }
}

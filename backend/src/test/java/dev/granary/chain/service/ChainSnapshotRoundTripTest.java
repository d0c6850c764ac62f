package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.node.Node;
import dev.granary.node.NodeOptions;
import dev.granary.testing.TestNode;

/** `granary chain export` then `granary run --import-snapshot`: the new node has the same head and state, and goes on. */
class ChainSnapshotRoundTripTest {

    @Test
    void anImportedSnapshotReproducesTheHeadAndStateAndKeepsProducing(@TempDir Path a, @TempDir Path b,
                                                                       @TempDir Path files) throws Exception {
        ChainNodes.configure(a, "");
        Path snapshot = files.resolve("chain.car");
        TipSet exportedHead;
        Address receiver = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address();
        try (TestNode source = TestNode.start(a)) {
            ChainApi chain = source.node().chain();
            chain.mpoolPush(ChainNodes.transfer(ChainNodes.fundedKey(a), receiver, 0, TokenAmount.ofFil(7)));
            source.advanceEpochs(5);
            exportedHead = chain.chainHead();
            try (OutputStream out = Files.newOutputStream(snapshot)) {
                chain.chainExport(out);
            }
        }
        ChainNodes.copyKeys(a, b);
        ChainNodes.configure(b, "");
        try (Node restored = Node.start(NodeOptions.headless(b, "127.0.0.1:0").withImportSnapshot(snapshot))) {
            ChainApi chain = restored.chain();
            assertEquals(exportedHead.key(), chain.chainHead().key());
            assertEquals(exportedHead.parentStateRoot(), chain.chainHead().parentStateRoot());
            assertEquals(TokenAmount.ofFil(7), chain.walletBalance(receiver));
            assertTrue(chain.chainGetTipSetByHeight(0, exportedHead.key()).isGenesis());
            restored.manualClock().orElseThrow().advance(3);
            assertEquals(exportedHead.height() + 3, chain.chainHead().height());
        }
        try (Node again = Node.start(NodeOptions.headless(b, "127.0.0.1:0"))) {
            assertEquals(exportedHead.height() + 3, again.chain().chainHead().height());
        }
        RuntimeException refused = assertThrows(RuntimeException.class,
            () -> Node.start(NodeOptions.headless(b, "127.0.0.1:0").withImportSnapshot(snapshot)));
        assertTrue(refused.getMessage().contains("already has a chain"), refused.getMessage());
    }
}

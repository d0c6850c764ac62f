package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.actors.StateQueries;
import dev.granary.chain.state.MissingNodeException;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.testing.TestNode;

/** States older than chain.state-retention are deleted; recent ones, and every header, stay readable. */
class ChainPruningTest {

    @Test
    void oldStatesArePrunedAndRecentOnesStay(@TempDir Path home) {
        ChainNodes.configure(home, "state-retention = 5\nprune-interval = 10\n");
        Address receiver = PrivateKey.generate(KeyType.SECP256K1, new SecureRandom()).address();
        try (TestNode node = TestNode.start(home)) {
            ChainApi chain = node.node().chain();
            PrivateKey funded = ChainNodes.fundedKey(home);
            for (int i = 0; i < 20; i++) {
                chain.mpoolPush(ChainNodes.transfer(funded, receiver, i, TokenAmount.ofAtto(1 + i)));
                node.advanceEpochs(1);
            }
            node.advanceEpochs(2);
            TipSet head = chain.chainHead();
            assertEquals(22, head.height());

            TipSet old = chain.chainGetTipSetByHeight(3, head.key());
            assertThrows(MissingNodeException.class,
                () -> StateQueries.at(node.node().kv(), old.parentStateRoot()).actor(receiver),
                "the state at height 3 was pruned at height 20");
            dev.granary.errors.NotFoundException gone = assertThrows(dev.granary.errors.NotFoundException.class,
                () -> chain.stateGetActor(receiver, old.key()));
            assertTrue(gone.getMessage().contains("chain.state-retention"), gone.getMessage());
            for (long h = head.height() - 2; h <= head.height(); h++) {
                TipSet recent = chain.chainGetTipSetByHeight(h, head.key());
                assertTrue(StateQueries.at(node.node().kv(), recent.parentStateRoot()).actor(receiver).isPresent(),
                    "state at height " + h);
            }
            assertEquals(TokenAmount.ofAtto(210), chain.walletBalance(receiver));
        }
    }
}

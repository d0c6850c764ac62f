package dev.granary.chain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.address.Address;
import dev.granary.chain.ChainApi;
import dev.granary.chain.types.TipSet;
import dev.granary.crypto.KeyType;
import dev.granary.crypto.PrivateKey;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.testing.TestNode;

/** Two fresh nodes given the same genesis and the same messages build the same chain, block for block. */
class ChainDeterminismTest {

    @Test
    void sameMessagesGiveTheSameBlocksAndStateRootsOnTwoNodes(@TempDir Path a, @TempDir Path b) {
        ChainNodes.shareKeys(a, b);
        ChainNodes.configure(a, "");
        ChainNodes.configure(b, "");
        PrivateKey funded = ChainNodes.fundedKey(a);
        List<SignedMessage> messages = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        PrivateKey blsSender = PrivateKey.generate(KeyType.BLS, random);
        for (int i = 0; i < 12; i++) {
            Address to = PrivateKey.generate(i % 2 == 0 ? KeyType.SECP256K1 : KeyType.BLS, random).address();
            messages.add(ChainNodes.transfer(funded, i == 0 ? blsSender.address() : to, i, TokenAmount.ofFil(1 + i)));
        }
        // a BLS sender: its messages are stored unsigned and checked through the block's aggregate
        for (int i = 0; i < 3; i++) {
            Address to = PrivateKey.generate(KeyType.SECP256K1, random).address();
            messages.add(9 + i, ChainNodes.transfer(blsSender, to, i, TokenAmount.ofAtto(1_000 + i)));
        }
        try (TestNode first = TestNode.start(a); TestNode second = TestNode.start(b)) {
            ChainApi one = first.node().chain();
            ChainApi two = second.node().chain();
            assertEquals(one.chainHead().key(), two.chainHead().key(), "genesis");
            for (int round = 0; round < 5; round++) {
                for (SignedMessage m : messages.subList(round * 3, round * 3 + 3)) {
                    one.mpoolPush(m);
                    two.mpoolPush(m);
                }
                first.advanceEpochs(2);
                second.advanceEpochs(2);
            }
            first.advanceEpochs(2);
            second.advanceEpochs(2);

            TipSet headOne = one.chainHead();
            assertEquals(12, headOne.height());
            for (long h = 0; h <= headOne.height(); h++) {
                TipSet x = one.chainGetTipSetByHeight(h, headOne.key());
                TipSet y = two.chainGetTipSetByHeight(h, two.chainHead().key());
                assertEquals(x.parentStateRoot(), y.parentStateRoot(), "state root at height " + h);
                assertEquals(x.key(), y.key(), "tipset at height " + h);
            }
            assertTrue(one.mpoolPending().isEmpty(), "pool after inclusion: " + one.mpoolPending());
            for (SignedMessage m : messages) {
                var lookup = one.stateSearchMsg(m.cid());
                assertTrue(lookup.isPresent(), "receipt of " + m.cid());
                assertEquals(0L, lookup.get().receipt().exitCode(), "exit code of " + m.cid());
            }
            Address receiver = messages.get(5).message().to();
            assertEquals(TokenAmount.ofFil(6), one.walletBalance(receiver));
            assertEquals(TokenAmount.ofFil(6), two.walletBalance(receiver));
        }
        try (KvStore kv = KvStore.open(a.resolve("rocksdb"))) {
            assertEquals(12, ChainReplay.assertEveryTipSetReexecutes(kv));
        }
    }
}

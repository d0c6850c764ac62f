package dev.granary.chain.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.MsgMeta;
import dev.granary.chain.types.RandomChain;
import dev.granary.chain.types.TipSet;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.nio.file.Path;
import dev.granary.chain.types.TipSetKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainStoreTest {

    @TempDir
    Path dir;

    private final RandomChain random = new RandomChain(6_100);

    private TipSet child(TipSet parent, long height) {
        List<Cid> parents = parent == null ? List.of() : parent.key().cids();
        List<BlockHeader> blocks = new ArrayList<>();
        for (int i = 1 + random.random().nextInt(3); i > 0; i--) {
            blocks.add(random.header(height, parents, random.ticket()));
        }
        return TipSet.of(blocks);
    }

    @Test
    void putChecksThatTheCidNamesTheData() {
        try (KvStore kv = KvStore.open(dir)) {
            BlockStore blocks = new BlockStore(kv);
            byte[] data = {(byte) 0x82, 1, 2};
            Cid good = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, data);
            Cid other = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, new byte[] {0});

            blocks.put(good, data);
            ChainStoreException e = assertThrows(ChainStoreException.class, () -> blocks.put(other, data));

            assertTrue(e.getMessage().contains("compute the CID from the data"), e.getMessage());
            assertArrayEquals(data, blocks.get(good).orElseThrow());
            assertTrue(blocks.get(other).isEmpty());
        }
    }

    @Test
    void typedBlocksComeBackByCid() {
        try (KvStore kv = KvStore.open(dir)) {
            BlockStore blocks = new BlockStore(kv);
            MsgMeta meta = new MsgMeta(random.cid(), random.cid());
            MessageReceipt receipt = MessageReceipt.of(0, new byte[] {1}, 42, null);

            Cid metaCid = blocks.put(MsgMeta.CODEC, meta);
            Cid receiptCid = blocks.put(MessageReceipt.CODEC, receipt);

            assertEquals(meta.cid(), metaCid);
            assertEquals(meta, blocks.get(metaCid, MsgMeta.CODEC).orElseThrow());
            assertEquals(receipt, blocks.get(receiptCid, MessageReceipt.CODEC).orElseThrow());
            assertTrue(blocks.get(random.cid(), MsgMeta.CODEC).isEmpty());
            assertTrue(new ChainStore(kv).block(metaCid).isEmpty(), "a MsgMeta is no block header");
        }
    }

    @Test
    void nullRoundsReadAsTheNearestEarlierTipset() {
        try (KvStore kv = KvStore.open(dir)) {
            ChainStore chain = new ChainStore(kv);
            assertTrue(chain.head().isEmpty());
            assertTrue(chain.tipSetAtOrBefore(0).isEmpty());

            TipSet genesis = child(null, 0);
            TipSet five = child(genesis, 5);
            chain.setHead(genesis);
            chain.setHead(five);

            assertEquals(genesis, chain.tipSetAtOrBefore(0).orElseThrow());
            assertEquals(genesis, chain.tipSetAtOrBefore(4).orElseThrow());
            assertEquals(five, chain.tipSetAtOrBefore(5).orElseThrow());
            assertEquals(five, chain.tipSetAtOrBefore(99).orElseThrow());
            assertEquals(List.of(five, genesis), chain.walkBack(five, 10));
            assertEquals(five.blocks().getFirst(), chain.block(five.key().cids().getFirst()).orElseThrow());
        }
    }

    @Test
    void aTipsetWhoseParentIsNotStoredIsRefusedAndTheHeadStays() {
        try (KvStore kv = KvStore.open(dir)) {
            ChainStore chain = new ChainStore(kv);
            TipSet genesis = child(null, 0);
            chain.setHead(genesis);
            TipSet orphan = child(child(genesis, 1), 2);

            ChainStoreException e = assertThrows(ChainStoreException.class, () -> chain.setHead(orphan));

            assertTrue(e.getMessage().contains("set the parent as head first"), e.getMessage());
            assertEquals(genesis, chain.head().orElseThrow());
            assertFalse(chain.block(orphan.key().cids().getFirst()).isPresent());
        }
    }

    @Test
    void aReorganisationToALowerForkRewritesTheIndex() {
        try (KvStore kv = KvStore.open(dir)) {
            ChainStore chain = new ChainStore(kv);
            TipSet genesis = child(null, 0);
            TipSet a1 = child(genesis, 1);
            TipSet a2 = child(a1, 2);
            TipSet a4 = child(a2, 4);
            for (TipSet t : List.of(genesis, a1, a2, a4)) {
                chain.setHead(t);
            }
            // A fork from genesis: b2 is stored by being head once, then a4 wins again, then b3 wins.
            TipSet b2 = child(genesis, 2);
            TipSet b3 = child(b2, 3);
            chain.setHead(b2);
            chain.setHead(a4);
            chain.setHead(b3);

            assertEquals(b3, chain.head().orElseThrow());
            assertEquals(genesis, chain.tipSetAtOrBefore(1).orElseThrow());
            assertEquals(b2, chain.tipSetAtOrBefore(2).orElseThrow());
            assertEquals(b3, chain.tipSetAtOrBefore(4).orElseThrow());
        }
    }

    /**
     * Writes many tipsets (null rounds and reorganisations included), reopening the RocksDB every few
     * heads, and checks after each reopen that the head, the index and the parent links agree with a
     * model of the chain kept in the test.
     */
    @Test
    void manyHeadsKeepTheInvariantsAcrossReopens() {
        TreeMap<Long, TipSet> model = new TreeMap<>();
        List<TipSet> written = new ArrayList<>();
        KvStore kv = KvStore.open(dir);
        try {
            ChainStore chain = new ChainStore(kv);
            TipSet head = child(null, 0);
            chain.setHead(head);
            written.add(head);
            model.put(0L, head);
            for (int i = 1; i <= 300; i++) {
                TipSet base = random.random().nextInt(10) == 0 ? written.get(random.random().nextInt(written.size())) : head;
                head = child(base, base.height() + 1 + (random.random().nextInt(4) == 0 ? random.random().nextInt(3) : 0));
                chain.setHead(head);
                written.add(head);
                remodel(model, head, written);
                if (i % 25 == 0) {
                    kv.close();
                    kv = KvStore.open(dir);
                    chain = new ChainStore(kv);
                    assertInvariants(chain, head, model);
                }
            }
        } finally {
            kv.close();
        }
    }

    /** The model: the canonical chain is exactly the head's ancestry, followed in memory. */
    private static void remodel(TreeMap<Long, TipSet> model, TipSet head, List<TipSet> written) {
        Map<TipSetKey, TipSet> byKey = new HashMap<>();
        written.forEach(t -> byKey.put(t.key(), t));
        model.clear();
        for (TipSet t = head; t != null; t = byKey.get(t.parents())) {
            model.put(t.height(), t);
        }
    }

    private static void assertInvariants(ChainStore chain, TipSet head, TreeMap<Long, TipSet> model) {
        assertEquals(head, chain.head().orElseThrow());
        for (long h = 0; h <= head.height() + 2; h++) {
            TipSet expected = model.floorEntry(h).getValue();
            Optional<TipSet> actual = chain.tipSetAtOrBefore(h);
            assertEquals(expected, actual.orElseThrow(), "tipset at or before height " + h);
        }
        List<TipSet> ancestry = chain.walkBack(head, Integer.MAX_VALUE);
        assertEquals(0, ancestry.getLast().height());
        assertEquals(model.size(), ancestry.size());
    }
}

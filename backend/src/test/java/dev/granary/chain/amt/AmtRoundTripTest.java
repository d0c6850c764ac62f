package dev.granary.chain.amt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.cbor.CborCodecs;
import dev.granary.cbor.CborReader;
import dev.granary.chain.store.BlockStore;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arrays of message CIDs (what a MsgMeta lists) stored in RocksDB and read back after a reopen. */
class AmtRoundTripTest {

    @TempDir
    Path dir;

    private static List<Cid> messageCids(int count, long seed) {
        Random random = new Random(seed);
        List<Cid> cids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[40];
            random.nextBytes(data);
            cids.add(Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, data));
        }
        return cids;
    }

    @ParameterizedTest(name = "{0} values: height {1}, {2} blocks")
    @CsvSource({"0, 0, 1", "1, 0, 1", "8, 0, 1", "9, 1, 3", "64, 1, 9", "65, 2, 12", "1000, 3, 144"})
    void valuesComeBackInOrderFromAReopenedStore(int size, int height, int blockCount) {
        List<Cid> cids = messageCids(size, size);
        MemoryBlocks built = new MemoryBlocks();
        Cid root = Amt.build(built, cids, CborCodecs.CID);
        try (KvStore kv = KvStore.open(dir)) {
            new BlockStore(kv).putAll(built.blocks());
        }

        try (KvStore kv = KvStore.open(dir)) {
            BlockSource store = new BlockStore(kv)::get;
            assertEquals(cids, Amt.read(store, root, CborCodecs.CID));
            assertEquals(size, Amt.count(store, root));
            for (int i = 0; i < size; i += Math.max(1, size / 50)) {
                assertEquals(cids.get(i), Amt.get(store, root, i, CborCodecs.CID).orElseThrow());
            }
            if (size > 0) {
                assertEquals(cids.getLast(), Amt.get(store, root, size - 1, CborCodecs.CID).orElseThrow());
            }
            assertTrue(Amt.get(store, root, size).isEmpty(), "one past the end is unset");
            assertEquals(height, AmtRoot.decode(root, store.get(root).orElseThrow()).height());
        }
        assertEquals(blockCount, built.size());
    }

    @ParameterizedTest(name = "{0} values")
    @CsvSource({"0", "9", "65", "1000"})
    void everyBlockIsVisitedOnceRootFirstAndParentsBeforeChildren(int size) {
        MemoryBlocks built = new MemoryBlocks();
        Cid root = Amt.build(built, messageCids(size, 7), CborCodecs.CID);
        List<Cid> order = new ArrayList<>();
        Set<Cid> linkedFromVisited = new HashSet<>(List.of(root));

        Amt.forEachBlock(built, root, (cid, bytes) -> {
            assertTrue(linkedFromVisited.contains(cid), cid + " visited before the node linking to it");
            assertArrayEquals(built.get(cid).orElseThrow(), bytes);
            linkedFromVisited.addAll(linksOf(cid.equals(root), bytes));
            order.add(cid);
        });

        assertEquals(root, order.getFirst());
        assertEquals(built.blocks().keySet(), new HashSet<>(order));
        assertEquals(built.size(), order.size(), "each block once");
    }

    /** The links of a root ([height, count, node]) or of a node, read without the code under test. */
    private static List<Cid> linksOf(boolean isRoot, byte[] bytes) {
        CborReader in = new CborReader(bytes);
        in.readArrayHeader();
        if (isRoot) {
            in.readUnsigned();
            in.readUnsigned();
            in.readArrayHeader();
        }
        in.readBytes();
        int count = in.readArrayHeader();
        List<Cid> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(in.readCid());
        }
        return links;
    }
}

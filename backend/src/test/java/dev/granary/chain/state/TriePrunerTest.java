package dev.granary.chain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

class TriePrunerTest {

    @TempDir
    Path dir;
    KvStore kv;

    @BeforeEach
    void open() {
        kv = KvStore.open(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        kv.close();
    }

    @Test
    void keptRootsStayReadableAndNodesOnlyOlderRootsReachedAreGone() {
        List<Cid> roots = commitTenGenerations();
        List<Cid> keep = roots.subList(7, 10);
        List<List<String>> keptContents = keep.stream().map(this::contents).toList();
        Set<Cid> keptNodes = nodesOf(keep);
        Set<Cid> droppedOnly = nodesOf(roots.subList(0, 7));
        droppedOnly.removeAll(keptNodes);
        assertFalse(droppedOnly.isEmpty(), "the older generations must have nodes of their own");

        TriePruner.Result result = TriePruner.prune(kv, keep);

        assertEquals(keptNodes.size(), result.kept());
        assertEquals(droppedOnly.size(), result.deleted());
        for (int i = 0; i < keep.size(); i++) {
            assertEquals(keptContents.get(i), contents(keep.get(i)));
        }
        for (Cid cid : keptNodes) {
            assertNotNull(kv.get(ColumnFamily.CHAIN_STATE, cid.bytes()), "kept node " + cid);
        }
        for (Cid cid : droppedOnly) {
            assertNull(kv.get(ColumnFamily.CHAIN_STATE, cid.bytes()), "dropped node " + cid);
        }
        assertThrows(MissingNodeException.class, () -> contents(roots.get(0)));
    }

    @Test
    void everyKeyLeftInTheColumnFamilyIsReachableFromAKeptRoot() {
        List<Cid> roots = commitTenGenerations();
        Set<Cid> keptNodes = nodesOf(List.of(roots.get(9)));

        TriePruner.prune(kv, List.of(roots.get(9)));

        Set<Cid> remaining = new HashSet<>();
        kv.forEachKey(ColumnFamily.CHAIN_STATE, key -> remaining.add(Cid.fromBytes(key)));
        assertEquals(keptNodes, remaining);
    }

    @Test
    void aMissingKeptRootAbortsBeforeDeletingAnything() {
        List<Cid> roots = commitTenGenerations();
        TriePruner.prune(kv, List.of(roots.get(9)));
        long before = countKeys();

        assertThrows(MissingNodeException.class, () -> TriePruner.prune(kv, List.of(roots.get(0))));
        assertEquals(before, countKeys());
        assertTrue(before > 0);
    }

    private List<Cid> commitTenGenerations() {
        Random random = new Random(5);
        StateSession session = StateSession.empty(kv);
        List<Cid> roots = new ArrayList<>();
        for (int generation = 0; generation < 10; generation++) {
            for (int i = 0; i < 200; i++) {
                session.put(TrieFixtures.randomKey(random), TrieFixtures.randomValue(random));
            }
            roots.add(session.commit());
        }
        return roots;
    }

    private List<String> contents(Cid root) {
        return TrieFixtures.hex(TrieFixtures.entriesOf(StateView.at(kv, root).iterator()));
    }

    private Set<Cid> nodesOf(List<Cid> roots) {
        Set<Cid> nodes = new HashSet<>();
        roots.forEach(root -> TrieWalk.forEachNode(kv, root, (cid, bytes) -> nodes.add(cid)));
        return nodes;
    }

    private long countKeys() {
        long[] count = {0};
        kv.forEachKey(ColumnFamily.CHAIN_STATE, key -> count[0]++);
        return count[0];
    }
}

package dev.granary.chain.state;

import static dev.granary.chain.state.TrieFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;

class StateTrieTest {

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
    void emptyRootIsTheCidOfDagCborNullAndReadsAsEmpty() {
        assertEquals(Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, new byte[] {(byte) 0xf6}), StateView.EMPTY_ROOT);
        assertEquals(StateView.EMPTY_ROOT, StateSession.empty(kv).put(bytes("a"), bytes("1")).delete(bytes("a")).commit());

        StateView view = StateView.at(kv, StateView.EMPTY_ROOT);
        assertNull(view.get(bytes("a")));
        assertTrue(!view.iterator().hasNext());
    }

    @Test
    void keysThatArePrefixesOfEachOtherAllKeepTheirValues() {
        Cid root = StateSession.empty(kv).put(new byte[0], bytes("empty")).put(bytes("a"), bytes("1"))
                .put(bytes("ab"), bytes("2")).put(bytes("abc"), bytes("3")).put(bytes("b"), bytes("4")).commit();

        StateView view = StateView.at(kv, root);
        assertArrayEquals(bytes("empty"), view.get(new byte[0]));
        assertArrayEquals(bytes("1"), view.get(bytes("a")));
        assertArrayEquals(bytes("2"), view.get(bytes("ab")));
        assertArrayEquals(bytes("3"), view.get(bytes("abc")));
        assertArrayEquals(bytes("4"), view.get(bytes("b")));
        assertNull(view.get(bytes("abcd")));
        assertNull(view.get(bytes("aa")));
        assertEquals(List.of("", "a", "ab", "abc", "b"),
                TrieFixtures.entriesOf(view.iterator()).stream().map(e -> new String(e.getKey())).toList());
    }

    @Test
    void randomPutsAndDeletesMatchASortedMapAndEveryCommittedRootStaysReadable() {
        Random random = new Random(42);
        TreeMap<byte[], byte[]> model = TrieFixtures.model();
        StateSession session = StateSession.empty(kv);
        List<Map.Entry<Cid, List<String>>> history = new ArrayList<>();
        for (int round = 0; round < 30; round++) {
            for (int op = 0; op < 50; op++) {
                byte[] key = TrieFixtures.randomKey(random);
                if (random.nextInt(3) == 0) {
                    session.delete(key);
                    model.remove(key);
                } else {
                    byte[] value = TrieFixtures.randomValue(random);
                    session.put(key, value);
                    model.put(key, value);
                }
            }
            assertEquals(TrieFixtures.hex(model), TrieFixtures.hex(TrieFixtures.entriesOf(session.iterator())));
            history.add(Map.entry(session.commit(), TrieFixtures.hex(model)));
        }

        for (Map.Entry<Cid, List<String>> committed : history) {
            StateView view = StateView.at(kv, committed.getKey());
            assertEquals(committed.getValue(), TrieFixtures.hex(TrieFixtures.entriesOf(view.iterator())));
        }
        StateView last = StateView.at(kv, history.getLast().getKey());
        model.forEach((k, v) -> assertArrayEquals(v, last.get(k)));
    }

    @Test
    void sameEntriesInAnyOrderGiveTheSameRoot() {
        TreeMap<byte[], byte[]> entries = TrieFixtures.randomEntries(7, 500);
        Cid expected = null;
        for (long seed = 1; seed <= 5; seed++) {
            List<Map.Entry<byte[], byte[]>> order = new ArrayList<>(entries.entrySet());
            Collections.shuffle(order, new Random(seed));
            StateSession session = StateSession.empty(kv);
            order.forEach(e -> session.put(e.getKey(), e.getValue()));
            Cid root = session.commit();
            if (expected == null) {
                expected = root;
            }
            assertEquals(expected, root, "permutation " + seed);
        }
    }

    @Test
    void deletingBackToASetGivesThatSetsRoot() {
        TreeMap<byte[], byte[]> entries = TrieFixtures.randomEntries(11, 300);
        StateSession direct = StateSession.empty(kv);
        entries.forEach(direct::put);
        Cid expected = direct.commit();

        StateSession roundabout = StateSession.empty(kv);
        TreeMap<byte[], byte[]> extra = TrieFixtures.randomEntries(12, 300);
        extra.forEach(roundabout::put);
        entries.forEach(roundabout::put);
        extra.keySet().stream().filter(k -> !entries.containsKey(k)).forEach(roundabout::delete);

        assertEquals(expected, roundabout.commit());
    }

    @Test
    void aCommitWritesOnlyTheChangedPathAndNoChangeWritesNothing() {
        StateSession session = StateSession.empty(kv);
        TrieFixtures.randomEntries(3, 2000).forEach(session::put);
        session.commit();
        int full = session.nodesWrittenByLastCommit();

        Cid before = session.commit();
        assertEquals(0, session.nodesWrittenByLastCommit());
        session.delete(bytes("not there at all, keys are at most 6 bytes"));
        assertEquals(before, session.commit());
        assertEquals(0, session.nodesWrittenByLastCommit());

        session.put(new byte[] {0x11, 0x22}, bytes("changed"));
        assertNotEquals(before, session.commit());
        assertTrue(session.nodesWrittenByLastCommit() <= 6,
                "one key changed but " + session.nodesWrittenByLastCommit() + " of " + full + " nodes were written");
    }

    @Test
    void aViewIsUnaffectedByLaterCommits() {
        Cid first = StateSession.empty(kv).put(bytes("k"), bytes("v1")).commit();
        StateView view = StateView.at(kv, first);
        view.edit().put(bytes("k"), bytes("v2")).put(bytes("other"), bytes("x")).commit();

        assertArrayEquals(bytes("v1"), view.get(bytes("k")));
        assertNull(view.get(bytes("other")));
    }

    @Test
    void unknownRootIsAMissingNode() {
        Cid unknown = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, bytes("never stored"));

        MissingNodeException e = assertThrows(MissingNodeException.class, () -> StateView.at(kv, unknown));
        assertEquals(unknown, e.cid());
    }
}

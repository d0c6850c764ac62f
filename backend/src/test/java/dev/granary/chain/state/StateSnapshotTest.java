package dev.granary.chain.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.granary.car.CarBlock;
import dev.granary.car.CarException;
import dev.granary.car.CarReader;
import dev.granary.car.CarWriter;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

class StateSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void exportedTrieImportsIntoAnotherStoreWithTheSameRootAndEntries() {
        TreeMap<byte[], byte[]> entries = TrieFixtures.randomEntries(99, 3000);
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        Cid root;
        long blocks;
        try (KvStore source = KvStore.open(dir.resolve("source"))) {
            StateSession session = StateSession.empty(source);
            entries.forEach(session::put);
            root = session.commit();
            blocks = StateSnapshot.export(source, root, car);
        }

        try (KvStore target = KvStore.open(dir.resolve("target"))) {
            assertEquals(root, StateSnapshot.importCar(target, new ByteArrayInputStream(car.toByteArray())));
            StateView view = StateView.at(target, root);
            assertEquals(TrieFixtures.hex(entries), TrieFixtures.hex(TrieFixtures.entriesOf(view.iterator())));
            // Re-deriving the root from the imported entries proves the nodes, not just the CAR, agree.
            StateSession rebuilt = StateSession.empty(target);
            entries.forEach(rebuilt::put);
            assertEquals(root, rebuilt.commit());
        }
        CarReader reader = CarReader.open(new ByteArrayInputStream(car.toByteArray()));
        assertEquals(List.of(root), reader.header().roots());
        assertEquals(root, reader.next().cid(), "the root block comes first");
        assertEquals(blocks, 1 + countRemaining(reader));
    }

    @Test
    void snapshotMissingANodeFailsTheImport() {
        List<CarBlock> blocks = new ArrayList<>();
        Cid root;
        try (KvStore source = KvStore.open(dir.resolve("source"))) {
            StateSession session = StateSession.empty(source);
            TrieFixtures.randomEntries(5, 100).forEach(session::put);
            root = session.commit();
            ByteArrayOutputStream car = new ByteArrayOutputStream();
            StateSnapshot.export(source, root, car);
            CarReader reader = CarReader.open(new ByteArrayInputStream(car.toByteArray()));
            for (CarBlock b = reader.next(); b != null; b = reader.next()) {
                blocks.add(b);
            }
        }
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(partial, List.of(root))) {
            blocks.subList(0, blocks.size() - 1).forEach(b -> writer.put(b.cid(), b.data()));
        }

        try (KvStore target = KvStore.open(dir.resolve("target"))) {
            MissingNodeException e = assertThrows(MissingNodeException.class,
                    () -> StateSnapshot.importCar(target, new ByteArrayInputStream(partial.toByteArray())));
            assertEquals(blocks.getLast().cid(), e.cid());
        }
    }

    @Test
    void tamperedSnapshotIsRefusedByTheCarReader() {
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        try (KvStore source = KvStore.open(dir.resolve("source"))) {
            StateSession session = StateSession.empty(source);
            TrieFixtures.randomEntries(6, 50).forEach(session::put);
            StateSnapshot.export(source, session.commit(), car);
        }
        byte[] bytes = car.toByteArray();
        bytes[bytes.length - 1] ^= 1;

        try (KvStore target = KvStore.open(dir.resolve("target"))) {
            CarException e = assertThrows(CarException.class,
                    () -> StateSnapshot.importCar(target, new ByteArrayInputStream(bytes)));
            assertEquals(CarException.Kind.CID_MISMATCH, e.kind());
        }
    }

    private static long countRemaining(CarReader reader) {
        long n = 0;
        while (reader.next() != null) {
            n++;
        }
        return n;
    }
}

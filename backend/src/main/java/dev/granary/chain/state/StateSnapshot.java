package dev.granary.chain.state;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

import dev.granary.car.CarBlock;
import dev.granary.car.CarReader;
import dev.granary.car.CarWriter;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;

/**
 * A state root and every node under it as a CARv1 (root first, parents before children), and back.
 */
public final class StateSnapshot {

    /** Imported blocks go out in batches of this many: nodes are content-addressed, so a partial import only leaves garbage for the pruner. */
    private static final int IMPORT_BATCH = 1_000;

    private StateSnapshot() {
    }

    /** Writes the CAR of {@code root}'s trie and returns how many blocks it holds. */
    public static long export(KvStore kv, Cid root, OutputStream out) {
        long[] blocks = {0};
        try (CarWriter car = new CarWriter(out, List.of(root))) {
            TrieWalk.forEachNode(kv, root, (cid, bytes) -> {
                car.put(cid, bytes);
                blocks[0]++;
            });
        }
        return blocks[0];
    }

    /**
     * Stores every (verified) block of a one-root CAR in CHAIN_STATE, checks that the root's whole trie
     * arrived, and returns the root. A snapshot missing a node fails with {@link MissingNodeException}.
     */
    public static Cid importCar(KvStore kv, InputStream in) {
        CarReader car = CarReader.open(in);
        List<Cid> roots = car.header().roots();
        if (roots.size() != 1) {
            throw new IllegalArgumentException("a state snapshot has exactly one root, this CAR has " + roots.size());
        }
        storeBlocks(kv, car);
        TrieWalk.forEachNode(kv, roots.get(0), (cid, bytes) -> { });
        return roots.get(0);
    }

    private static void storeBlocks(KvStore kv, CarReader car) {
        WriteBatch batch = new WriteBatch();
        try {
            for (CarBlock block = car.next(); block != null; block = car.next()) {
                batch.put(kv.handle(ColumnFamily.CHAIN_STATE), block.cid().bytes(), block.data());
                if (batch.count() >= IMPORT_BATCH) {
                    kv.write(batch);
                    batch.close();
                    batch = new WriteBatch();
                }
            }
            kv.write(batch);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("adding a snapshot block to the import batch: " + e.getMessage(), e);
        } finally {
            batch.close();
        }
    }
}

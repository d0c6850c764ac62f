package dev.granary.kv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node-local key-value store: one RocksDB under the home with a column family per kind of data.
 * Writes that must be atomic together go through {@link #write(WriteBatch)}.
 */
public final class KvStore implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final RocksDB db;
    private final DBOptions options;
    private final ColumnFamilyOptions cfOptions;
    private final Map<ColumnFamily, ColumnFamilyHandle> handles;
    private final WriteOptions syncWrites;

    private KvStore(Path dir, RocksDB db, DBOptions options, ColumnFamilyOptions cfOptions,
                    Map<ColumnFamily, ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.db = db;
        this.options = options;
        this.cfOptions = cfOptions;
        this.handles = handles;
        this.syncWrites = new WriteOptions().setSync(true);
    }

    public static KvStore open(Path dir) {
        DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        ColumnFamilyOptions cfOptions = new ColumnFamilyOptions().optimizeLevelStyleCompaction();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (ColumnFamily cf : ColumnFamily.values()) {
            descriptors.add(new ColumnFamilyDescriptor(cf.storedNameBytes(), cfOptions));
        }
        List<ColumnFamilyHandle> opened = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(options, dir.toString(), descriptors, opened);
            Map<ColumnFamily, ColumnFamilyHandle> handles = new EnumMap<>(ColumnFamily.class);
            for (int i = 0; i < descriptors.size(); i++) {
                handles.put(ColumnFamily.values()[i], opened.get(i));
            }
            return new KvStore(dir, db, options, cfOptions, handles);
        } catch (RocksDBException e) {
            opened.forEach(ColumnFamilyHandle::close);
            options.close();
            cfOptions.close();
            throw new KvException("opening RocksDB at " + dir + ": " + e.getMessage(), e);
        }
    }

    public byte[] get(ColumnFamily cf, byte[] key) {
        try {
            return db.get(handles.get(cf), key);
        } catch (RocksDBException e) {
            throw new KvException("reading " + cf.storedName() + " from RocksDB: " + e.getMessage(), e);
        }
    }

    /** A durable single write (fsync'd): used for small values that must survive a crash. */
    public void putDurably(ColumnFamily cf, byte[] key, byte[] value) {
        try {
            db.put(handles.get(cf), syncWrites, key, value);
        } catch (RocksDBException e) {
            throw new KvException("writing " + cf.storedName() + " to RocksDB: " + e.getMessage(), e);
        }
    }

    /** Applies the batch atomically and durably: after a crash either all of it is there or none. */
    public void write(WriteBatch batch) {
        try {
            db.write(syncWrites, batch);
        } catch (RocksDBException e) {
            throw new KvException("writing batch to RocksDB: " + e.getMessage(), e);
        }
    }

    /**
     * Calls {@code action} with every key of {@code cf} in RocksDB's key order, from a consistent view
     * taken when the walk starts (writes made meanwhile, deletes included, are not seen).
     */
    public void forEachKey(ColumnFamily cf, Consumer<byte[]> action) {
        try (RocksIterator it = db.newIterator(handles.get(cf))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                action.accept(it.key());
            }
            it.status();
        } catch (RocksDBException e) {
            throw new KvException("iterating " + cf.storedName() + " in RocksDB: " + e.getMessage(), e);
        }
    }

    /** Compacts the whole column family so space held by deleted keys is given back to the disk. */
    public void compactRange(ColumnFamily cf) {
        try {
            db.compactRange(handles.get(cf));
        } catch (RocksDBException e) {
            throw new KvException("compacting " + cf.storedName() + " in RocksDB: " + e.getMessage(), e);
        }
    }

    public ColumnFamilyHandle handle(ColumnFamily cf) {
        return handles.get(cf);
    }

    public Path dir() {
        return dir;
    }

    /** RocksDB's estimate of live data, for status pages. */
    public long estimatedLiveDataBytes() {
        long total = 0;
        try {
            for (ColumnFamilyHandle h : handles.values()) {
                total += db.getLongProperty(h, "rocksdb.estimate-live-data-size");
            }
        } catch (RocksDBException e) {
            throw new KvException("reading RocksDB properties: " + e.getMessage(), e);
        }
        return total;
    }

    @Override
    public void close() {
        syncWrites.close();
        handles.values().forEach(ColumnFamilyHandle::close);
        try {
            db.syncWal();
        } catch (RocksDBException ignored) {
            // closing anyway: the WAL was synced on every durable write
        }
        db.close();
        options.close();
        cfOptions.close();
    }

    public static final class KvException extends RuntimeException {
        public KvException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

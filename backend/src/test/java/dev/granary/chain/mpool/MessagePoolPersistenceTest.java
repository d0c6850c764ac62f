package dev.granary.chain.mpool;

import static dev.granary.chain.mpool.MpoolFixture.ALICE;
import static dev.granary.chain.mpool.MpoolFixture.ALICE_ID;
import static dev.granary.chain.mpool.MpoolFixture.BASE_FEE;
import static dev.granary.chain.mpool.MpoolFixture.CAROL;
import static dev.granary.chain.mpool.MpoolFixture.DAVE;
import static dev.granary.chain.mpool.MpoolFixture.FEE_CAP;
import static dev.granary.chain.mpool.MpoolFixture.GAS_LIMIT;
import static dev.granary.chain.mpool.MpoolFixture.PREMIUM;
import static dev.granary.chain.mpool.MpoolFixture.atto;
import static dev.granary.chain.mpool.MpoolFixture.message;
import static dev.granary.chain.mpool.MpoolFixture.signWith;
import static dev.granary.chain.mpool.MpoolFixture.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

import dev.granary.chain.actors.StateQueries;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;

class MessagePoolPersistenceTest {

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("db");
    }

    @Test
    void reopeningTheStoreFindsTheSamePoolIncludingReplacements() {
        SignedMessage a0 = transfer(ALICE, 0);
        SignedMessage a1ViaId = signWith(ALICE, message(ALICE_ID, 1, atto(1), GAS_LIMIT, FEE_CAP, PREMIUM));
        SignedMessage c0 = transfer(CAROL, 0);
        SignedMessage c0Replacement = transfer(CAROL, 0, atto(1_250), atto(10_250));
        SignedMessage d0 = transfer(DAVE, 0);
        Cid root;
        try (KvStore kv = KvStore.open(db())) {
            StateQueries genesis = MpoolFixture.genesisState(kv);
            root = genesis.root();
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            for (SignedMessage m : List.of(a0, a1ViaId, c0, d0, c0Replacement)) {
                pool.add(m, genesis, BASE_FEE);
            }
        }
        try (KvStore kv = KvStore.open(db())) {
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            assertEquals(List.of(a0, a1ViaId, c0Replacement, d0), pool.pending());
            assertEquals(4, pool.size());
            assertEquals(c0Replacement, pool.get(c0Replacement.cid()).orElseThrow());
            assertTrue(pool.get(c0.cid()).isEmpty(), "the replaced message is gone after a restart too");
            assertEquals(List.of(a0, a1ViaId), pool.pending(ALICE.address()));
            StateQueries genesis = StateQueries.at(kv, root);
            assertEquals(2, pool.nextNonce(ALICE.address(), genesis));
            assertEquals(RejectReason.NONCE_GAP, assertThrows(MessageRejectedException.class,
                    () -> pool.add(transfer(ALICE, 3), genesis, BASE_FEE)).reason());
        }
    }

    @Test
    void headChangedPrunesIncludedMessagesDurably() {
        SignedMessage a0 = transfer(ALICE, 0);
        SignedMessage a1 = transfer(ALICE, 1);
        SignedMessage a2 = transfer(ALICE, 2);
        SignedMessage c0 = transfer(CAROL, 0);
        List<MpoolUpdate> updates = new ArrayList<>();
        try (KvStore kv = KvStore.open(db())) {
            StateQueries genesis = MpoolFixture.genesisState(kv);
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            for (SignedMessage m : List.of(a0, a1, a2, c0)) {
                pool.add(m, genesis, BASE_FEE);
            }
            pool.addListener(updates::add);
            StateQueries head = MpoolFixture.applied(kv, genesis, pool.select(genesis, BASE_FEE, GAS_LIMIT * 2, 100));
            pool.headChanged(head);
            assertEquals(List.of(a2, c0), pool.pending());
            assertEquals(List.of(new MpoolUpdate(MpoolUpdate.Kind.REMOVE, a0), new MpoolUpdate(MpoolUpdate.Kind.REMOVE, a1)),
                    updates);
            assertEquals(3, pool.nextNonce(ALICE.address(), head));
        }
        try (KvStore kv = KvStore.open(db())) {
            assertEquals(List.of(a2, c0), MessagePool.open(kv, MpoolConfig.defaults()).pending());
        }
    }

    @Test
    void aStoreCreatedBeforeTheMpoolColumnFamilyGainsIt() throws Exception {
        List<ColumnFamilyDescriptor> older = List.of(
                new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8)),
                new ColumnFamilyDescriptor("chain-blocks".getBytes(StandardCharsets.UTF_8)),
                new ColumnFamilyDescriptor("chain-state".getBytes(StandardCharsets.UTF_8)),
                new ColumnFamilyDescriptor("dagstore-index".getBytes(StandardCharsets.UTF_8)));
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try (DBOptions options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
             RocksDB rocks = RocksDB.open(options, db().toString(), older, handles)) {
            handles.forEach(ColumnFamilyHandle::close);
        }
        assertTrue(columnFamilies().noneMatch("mpool"::equals));
        SignedMessage a0 = transfer(ALICE, 0);
        try (KvStore kv = KvStore.open(db())) {
            MessagePool pool = MessagePool.open(kv, MpoolConfig.defaults());
            assertEquals(0, pool.size());
            pool.add(a0, MpoolFixture.genesisState(kv), BASE_FEE);
        }
        try (KvStore kv = KvStore.open(db())) {
            assertEquals(List.of(a0), MessagePool.open(kv, MpoolConfig.defaults()).pending());
            assertNotNull(kv.get(ColumnFamily.MPOOL, MpoolKeys.key(100, 0)));
        }
        assertTrue(columnFamilies().anyMatch("mpool"::equals));
    }

    private Stream<String> columnFamilies() throws RocksDBException {
        try (Options options = new Options()) {
            return RocksDB.listColumnFamilies(options, db().toString()).stream()
                    .map(name -> new String(name, StandardCharsets.UTF_8)).toList().stream();
        }
    }

    @Test
    void keysAreTheSenderIdAddressThenTheNonceBigEndian() {
        byte[] key = MpoolKeys.key(100, 258);
        assertEquals("0064" + "0000000000000102", HexFormat.of().formatHex(key));
        assertEquals(100, MpoolKeys.senderId(key));
        assertEquals(258, MpoolKeys.nonce(key));
    }
}

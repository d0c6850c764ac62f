package dev.granary.chain.store;

import static dev.granary.chain.store.MessageFixtures.BLS_CAROL;
import static dev.granary.chain.store.MessageFixtures.BLS_DAVE;
import static dev.granary.chain.store.MessageFixtures.SECP_ALICE;
import static dev.granary.chain.store.MessageFixtures.SECP_BOB;
import static dev.granary.chain.store.MessageFixtures.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.granary.address.Address;
import dev.granary.car.CarBlock;
import dev.granary.car.CarReader;
import dev.granary.car.CarWriter;
import dev.granary.chain.actors.ChainPolicy;
import dev.granary.chain.actors.GenesisActors;
import dev.granary.chain.amt.Amt;
import dev.granary.chain.state.MissingNodeException;
import dev.granary.chain.state.StateSession;
import dev.granary.chain.state.StateView;
import dev.granary.chain.state.TrieEntry;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.BlockMessages;
import dev.granary.chain.types.ElectionProof;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.chain.types.Ticket;
import dev.granary.chain.types.TipSet;
import dev.granary.fil.BigInt;
import dev.granary.fil.TokenAmount;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.message.SignedMessage;
import dev.granary.multiformats.Cid;
import dev.granary.multiformats.Multicodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small devnet chain built by hand (genesis from GenesisActors, a block with messages, a null
 * round, then a two-block head tipset whose parent receipts are stored) exported and imported into
 * a fresh store.
 */
class ChainSnapshotTest {

    @TempDir
    Path dir;

    private final List<TipSet> chain = new ArrayList<>();
    private final Map<Cid, List<SignedMessage>> messagesByBlock = new LinkedHashMap<>();
    private Cid headStateRoot;
    private Cid headReceipts;
    private byte[] car;

    @BeforeEach
    void buildAndExport() {
        try (KvStore kv = KvStore.open(dir.resolve("source"))) {
            ChainStore store = new ChainStore(kv);
            MessageStore messages = new MessageStore(store.blocks());
            Map<Address, TokenAmount> allocations = new LinkedHashMap<>();
            allocations.put(SECP_ALICE.address(), TokenAmount.ofFil(100));
            allocations.put(BLS_CAROL.address(), TokenAmount.ofFil(100));
            Cid genesisRoot = GenesisActors.create(kv, "granary-snapshot-test", ChainPolicy.devnet(), allocations,
                TokenAmount.ofFil(1_000_000), Duration.ofSeconds(4));

            TipSet genesis = TipSet.of(header(messages, 0, List.of(), genesisRoot, Amt.EMPTY_ROOT, 0, List.of(), List.of()));
            store.setHead(genesis);
            chain.add(genesis);

            TipSet one = TipSet.of(header(messages, 1, genesis.key().cids(), genesisRoot, Amt.EMPTY_ROOT, 1,
                List.of(transfer(BLS_CAROL, SECP_BOB.address(), 0, 5)), List.of(transfer(SECP_ALICE, SECP_BOB.address(), 0, 7))));
            store.setHead(one);
            chain.add(one);

            // Height 2 is a null round. The head's parent state differs from genesis: a later state root.
            StateSession session = StateSession.on(kv, genesisRoot);
            session.put("snapshot-test/key".getBytes(StandardCharsets.UTF_8), new byte[] {42});
            headStateRoot = session.commit();
            headReceipts = new ReceiptStore(store.blocks()).put(List.of(
                MessageReceipt.of(0, new byte[0], 400_000, null), MessageReceipt.of(0, new byte[0], 500_000, null)));
            TipSet head = TipSet.of(
                header(messages, 3, one.key().cids(), headStateRoot, headReceipts, 1,
                    List.of(transfer(BLS_DAVE, SECP_ALICE.address(), 0, 9), transfer(BLS_CAROL, SECP_ALICE.address(), 1, 3)),
                    List.of(transfer(SECP_BOB, BLS_DAVE.address(), 0, 11))),
                header(messages, 3, one.key().cids(), headStateRoot, headReceipts, 2, List.of(), List.of()));
            store.setHead(head);
            chain.add(head);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long blocks = ChainSnapshot.export(kv, head, out);
            car = out.toByteArray();
            assertEquals(blocks, carBlocks(car).size());
        }
    }

    private BlockHeader header(MessageStore messages, long height, List<Cid> parents, Cid stateRoot, Cid receipts,
                               int miner, List<SignedMessage> bls, List<SignedMessage> secpk) {
        StoredMessages stored = messages.put(bls, secpk);
        byte[] proof = new byte[32];
        proof[0] = (byte) miner;
        proof[1] = (byte) height;
        BlockHeader header = new BlockHeader(Address.ofId(1000 + miner), new Ticket(proof), new ElectionProof(1, proof),
            List.of(), List.of(), parents, BigInt.of(height * 10), height, stateRoot, receipts, stored.messages(),
            stored.blsAggregate(), 1_700_000_000L + height * 30, null, 0, TokenAmount.ofAtto(100));
        List<SignedMessage> all = new ArrayList<>(bls);
        all.addAll(secpk);
        messagesByBlock.put(header.cid(), all);
        return header;
    }

    private TipSet head() {
        return chain.getLast();
    }

    private KvStore target() {
        return KvStore.open(dir.resolve("target"));
    }

    @Test
    void importGivesTheSameHeadChainStateMessagesAndReceipts() {
        List<TrieEntry> sourceEntries;
        try (KvStore kv = KvStore.open(dir.resolve("source"))) {
            sourceEntries = entries(StateView.at(kv, headStateRoot));
        }

        try (KvStore kv = target()) {
            TipSet imported = ChainSnapshot.importCar(kv, new ByteArrayInputStream(car));
            ChainStore store = new ChainStore(kv);
            store.setHead(imported);

            assertEquals(head(), imported);
            assertEquals(headStateRoot, imported.parentStateRoot());
            assertEquals(List.of(head(), chain.get(1), chain.get(0)), store.walkBack(store.head().orElseThrow(), 10));
            assertEquals(hex(sourceEntries), hex(entries(StateView.at(kv, imported.parentStateRoot()))));
            MessageStore messages = new MessageStore(store.blocks());
            for (BlockHeader block : imported.blocks()) {
                List<SignedMessage> sent = messagesByBlock.get(block.cid());
                BlockMessages loaded = messages.load(block.messages());
                assertEquals(sent.stream().map(SignedMessage::message).toList(), loaded.unsigned());
                for (SignedMessage message : sent) {
                    assertEquals(message.message(), messages.message(message.cid()).orElseThrow());
                }
            }
            assertEquals(2, new ReceiptStore(store.blocks()).receipts(imported.blocks().getFirst().parentMessageReceipts()).size());
        }
    }

    @Test
    void theCarStartsWithTheHeadAndHoldsOnlyTheHeadsMessages() {
        CarReader reader = CarReader.open(new ByteArrayInputStream(car));
        List<CarBlock> blocks = carBlocks(car);

        assertEquals(head().key().cids(), reader.header().roots());
        assertEquals(head().key().cids(), blocks.subList(0, 2).stream().map(CarBlock::cid).toList());
        List<Cid> cids = blocks.stream().map(CarBlock::cid).toList();
        Cid olderMessages = chain.get(1).blocks().getFirst().messages();
        assertFalse(cids.contains(olderMessages), "messages of tipsets below the head are not exported");
        assertTrue(cids.contains(head().blocks().getFirst().messages()));
        try (KvStore kv = target()) {
            ChainSnapshot.importCar(kv, new ByteArrayInputStream(car));
            assertTrue(kv.get(ColumnFamily.CHAIN_STATE, headStateRoot.bytes()) != null, "trie nodes go to chain-state");
            assertTrue(kv.get(ColumnFamily.CHAIN_BLOCKS, headStateRoot.bytes()) == null);
            assertTrue(kv.get(ColumnFamily.CHAIN_BLOCKS, head().key().cids().getFirst().bytes()) != null);
            assertTrue(new MessageStore(new BlockStore(kv)).message(
                messagesByBlock.get(chain.get(1).blocks().getFirst().cid()).getFirst().cid()).isEmpty());
        }
    }

    @Test
    void aMissingTrieNodeIsRefusedAndTheHeadStaysUnset() {
        byte[] broken = rewrite(blocks -> blocks.subList(0, blocks.size() - 1));

        try (KvStore kv = target()) {
            assertThrows(MissingNodeException.class, () -> ChainSnapshot.importCar(kv, new ByteArrayInputStream(broken)));
            assertTrue(new ChainStore(kv).head().isEmpty());
        }
    }

    @Test
    void aMissingHeaderIsRefused() {
        Cid genesisBlock = chain.getFirst().key().cids().getFirst();
        byte[] broken = rewrite(blocks -> without(blocks, genesisBlock));

        ChainSnapshotException e = refused(broken);

        assertTrue(e.getMessage().contains("lacks header " + genesisBlock), e.getMessage());
    }

    @Test
    void aMissingMessageIsRefused() {
        Cid message = messagesByBlock.get(head().blocks().stream()
            .filter(b -> !messagesByBlock.get(b.cid()).isEmpty()).findFirst().orElseThrow().cid()).getLast().cid();
        byte[] broken = rewrite(blocks -> without(blocks, message));

        ChainSnapshotException e = refused(broken);

        assertTrue(e.getMessage().contains(message + " (listed by MsgMeta"), e.getMessage());
    }

    @Test
    void aMissingReceiptsAmtIsRefused() {
        byte[] broken = rewrite(blocks -> without(blocks, headReceipts));

        ChainSnapshotException e = refused(broken);

        assertTrue(e.getMessage().contains("AMT root " + headReceipts + " is missing"), e.getMessage());
    }

    @Test
    void anExtraBlockIsRefused() {
        byte[] stray = {(byte) 0x82, 1, 2};
        Cid strayCid = Cid.of(Multicodec.DAG_CBOR, Multicodec.BLAKE2B_256, stray);
        byte[] padded = rewrite(blocks -> {
            List<CarBlock> more = new ArrayList<>(blocks);
            more.add(5, new CarBlock(strayCid, stray, 0));
            return more;
        });

        ChainSnapshotException e = refused(padded);

        assertTrue(e.getMessage().contains("nothing from its head links to, e.g. " + strayCid), e.getMessage());
    }

    @Test
    void aBlockListedTwiceIsRefused() {
        byte[] doubled = rewrite(blocks -> {
            List<CarBlock> more = new ArrayList<>(blocks);
            more.add(blocks.get(3));
            return more;
        });

        ChainSnapshotException e = refused(doubled);

        assertTrue(e.getMessage().contains("appears a second time"), e.getMessage());
    }

    @Test
    void aTrieNodeBeforeItsParentIsRefused() {
        byte[] reordered = rewrite(blocks -> {
            List<CarBlock> moved = new ArrayList<>(blocks);
            moved.add(0, moved.removeLast());
            return moved;
        });

        try (KvStore kv = target()) {
            assertThrows(MissingNodeException.class, () -> ChainSnapshot.importCar(kv, new ByteArrayInputStream(reordered)));
        }
    }

    private ChainSnapshotException refused(byte[] snapshot) {
        try (KvStore kv = target()) {
            ChainSnapshotException e = assertThrows(ChainSnapshotException.class,
                () -> ChainSnapshot.importCar(kv, new ByteArrayInputStream(snapshot)));
            assertTrue(e.getMessage().startsWith("refusing the chain snapshot"), e.getMessage());
            assertTrue(new ChainStore(kv).head().isEmpty());
            return e;
        }
    }

    private static List<CarBlock> without(List<CarBlock> blocks, Cid cid) {
        List<CarBlock> kept = blocks.stream().filter(b -> !b.cid().equals(cid)).toList();
        assertEquals(blocks.size() - 1, kept.size(), cid + " is in the exported CAR");
        return kept;
    }

    private byte[] rewrite(UnaryOperator<List<CarBlock>> change) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CarWriter writer = new CarWriter(out, head().key().cids())) {
            change.apply(carBlocks(car)).forEach(block -> writer.put(block.cid(), block.data()));
        }
        return out.toByteArray();
    }

    private static List<CarBlock> carBlocks(byte[] car) {
        CarReader reader = CarReader.open(new ByteArrayInputStream(car));
        List<CarBlock> blocks = new ArrayList<>();
        for (CarBlock block = reader.next(); block != null; block = reader.next()) {
            blocks.add(block);
        }
        return blocks;
    }

    private static List<TrieEntry> entries(StateView view) {
        List<TrieEntry> entries = new ArrayList<>();
        for (Iterator<TrieEntry> it = view.iterator(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return entries;
    }

    private static List<String> hex(List<TrieEntry> entries) {
        return entries.stream().map(e -> HexFormat.of().formatHex(e.key()) + "=" + HexFormat.of().formatHex(e.value())).toList();
    }
}

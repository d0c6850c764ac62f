package dev.granary.chain.store;

import dev.granary.car.CarBlock;
import dev.granary.car.CarReader;
import dev.granary.cbor.CborException;
import dev.granary.cbor.CborValue;
import dev.granary.chain.amt.AmtException;
import dev.granary.chain.amt.BlockSource;
import dev.granary.chain.state.MissingNodeException;
import dev.granary.chain.state.TrieWalk;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.InvalidTipSetException;
import dev.granary.chain.types.TipSet;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One snapshot import. Blocks are sorted as they stream in: a block is a trie node when a head
 * header's ParentStateRoot or an earlier trie node links to it (the export writes parents before
 * children), anything else is a chain object. Once the file ends, the trie must have no dangling
 * link and the chain objects must be exactly what the head reaches.
 */
final class SnapshotImport {

    /** Blocks go out in batches: content-addressed, so a refused import leaves only unreferenced blocks. */
    private static final int BATCH = 1_000;

    private final KvStore kv;
    private final BlockStore blocks;
    private final CarReader car;
    private final List<Cid> roots;
    private final Map<Cid, BlockHeader> headBlocks = new HashMap<>();
    private final Set<Cid> chainObjects = new HashSet<>();
    private final Set<Cid> trieNodes = new HashSet<>();
    /** Trie nodes linked to but not yet arrived. */
    private final Set<Cid> pendingTrie = new LinkedHashSet<>();
    private WriteBatch batch;

    SnapshotImport(KvStore kv, CarReader car) {
        this.kv = kv;
        this.blocks = new BlockStore(kv);
        this.car = car;
        this.roots = car.header().roots();
        if (roots.isEmpty()) {
            throw new ChainSnapshotException("refusing the chain snapshot: its CAR has no roots, and a chain "
                + "snapshot's roots are the head tipset's block CIDs");
        }
    }

    TipSet run() {
        storeBlocks();
        TipSet head = headTipSet();
        requireWholeTrie(head);
        requireExactChainObjects(head);
        return head;
    }

    private void storeBlocks() {
        batch = new WriteBatch();
        try {
            for (CarBlock block = car.next(); block != null; block = car.next()) {
                accept(block);
            }
            kv.write(batch);
        } finally {
            batch.close();
        }
    }

    private void accept(CarBlock block) {
        Cid cid = block.cid();
        byte[] data = block.data();
        if (pendingTrie.remove(cid)) {
            trieNodes.add(cid);
            expectTrieNodes(links(block));
            stage(ColumnFamily.CHAIN_STATE, cid, data);
            return;
        }
        if (trieNodes.contains(cid) || !chainObjects.add(cid)) {
            throw new ChainSnapshotException("refusing the chain snapshot: block " + cid + " appears a second time, at byte "
                + block.offset() + "; a snapshot holds each block once");
        }
        if (roots.contains(cid)) {
            BlockHeader header = decodeHeader(cid, data, "head block at byte " + block.offset());
            headBlocks.put(cid, header);
            expectTrieNodes(List.of(header.parentStateRoot()));
        }
        stage(ColumnFamily.CHAIN_BLOCKS, cid, data);
    }

    private void expectTrieNodes(List<Cid> links) {
        for (Cid link : links) {
            if (!trieNodes.contains(link)) {
                pendingTrie.add(link);
            }
        }
    }

    /** The CIDs a trie node links to: every link anywhere in it, since its values are byte strings. */
    private static List<Cid> links(CarBlock block) {
        CborValue node;
        try {
            node = CborValue.decode(block.data());
        } catch (CborException | IllegalStateException e) {
            throw new ChainSnapshotException("refusing the chain snapshot: block " + block.cid() + " at byte "
                + block.offset() + " is linked from the state trie but is not dag-cbor: " + e.getMessage(), e);
        }
        List<Cid> links = new ArrayList<>();
        Deque<CborValue> pending = new ArrayDeque<>();
        pending.push(node);
        while (!pending.isEmpty()) {
            switch (pending.pop()) {
                case CborValue.LinkValue link -> links.add(link.cid());
                case CborValue.ArrayValue array -> array.items().reversed().forEach(pending::push);
                case CborValue.MapValue map -> map.entries().values().forEach(pending::push);
                default -> { }
            }
        }
        return links;
    }

    private void stage(ColumnFamily column, Cid cid, byte[] data) {
        try {
            batch.put(kv.handle(column), cid.bytes(), data);
            if (batch.count() >= BATCH) {
                kv.write(batch);
                batch.clear();
            }
        } catch (RocksDBException e) {
            throw new KvStore.KvException("adding snapshot block " + cid + " to the import batch: " + e.getMessage(), e);
        }
    }

    private TipSet headTipSet() {
        for (Cid root : roots) {
            if (!headBlocks.containsKey(root)) {
                throw new ChainSnapshotException("refusing the chain snapshot: its root " + root
                    + " (a block of the head tipset) is not in it");
            }
        }
        TipSet head = tipSetOf(List.copyOf(headBlocks.values()), "the roots");
        if (!head.key().cids().equals(roots)) {
            throw new ChainSnapshotException("refusing the chain snapshot: its roots " + roots + " are not the head tipset's "
                + "key in canonical order, " + head.key());
        }
        return head;
    }

    private void requireWholeTrie(TipSet head) {
        if (!pendingTrie.isEmpty()) {
            throw new MissingNodeException(pendingTrie.iterator().next(), "importing a chain snapshot (every trie node "
                + "must follow the node linking to it)");
        }
        // Decoding every node strictly: the sorting above only followed links.
        for (Cid stateRoot : ChainSnapshot.distinct(head, BlockHeader::parentStateRoot)) {
            TrieWalk.forEachNode(kv, stateRoot, (cid, bytes) -> { });
        }
    }

    private void requireExactChainObjects(TipSet head) {
        Set<Cid> reached = new HashSet<>(roots);
        BlockSource snapshotOnly = cid -> {
            if (!chainObjects.contains(cid)) {
                return Optional.empty();
            }
            reached.add(cid);
            return blocks.get(cid);
        };
        try {
            requireHeadersToGenesis(head, snapshotOnly);
            for (BlockHeader block : head.blocks()) {
                MessageStore.load(snapshotOnly, block.messages());
            }
            for (Cid receipts : ChainSnapshot.distinct(head, BlockHeader::parentMessageReceipts)) {
                ReceiptStore.read(snapshotOnly, receipts);
            }
        } catch (ChainStoreException | AmtException e) {
            throw new ChainSnapshotException("refusing the chain snapshot: " + e.getMessage(), e);
        }
        Set<Cid> extra = new HashSet<>(chainObjects);
        extra.removeAll(reached);
        if (!extra.isEmpty()) {
            throw new ChainSnapshotException("refusing the chain snapshot: it holds " + extra.size() + " block(s) that "
                + "nothing from its head links to, e.g. " + extra.iterator().next() + "; a chain snapshot holds the "
                + "headers back to genesis, the head's messages and receipts and its state trie, in that order");
        }
    }

    private void requireHeadersToGenesis(TipSet head, BlockSource source) {
        TipSet tipSet = head;
        while (!tipSet.isGenesis()) {
            List<BlockHeader> parents = new ArrayList<>();
            for (Cid cid : tipSet.parents().cids()) {
                byte[] bytes = requireHeader(source, cid, tipSet);
                parents.add(decodeHeader(cid, bytes, "parent block of height " + tipSet.height()));
            }
            TipSet parent = tipSetOf(parents, "the parents of the tipset at height " + tipSet.height());
            if (!parent.key().equals(tipSet.parents()) || parent.height() >= tipSet.height()) {
                throw new ChainSnapshotException("refusing the chain snapshot: the tipset at height " + tipSet.height()
                    + " names parents " + tipSet.parents() + ", which form " + parent + "; parents must be a tipset "
                    + "key in canonical order, below their child");
            }
            tipSet = parent;
        }
    }

    private static byte[] requireHeader(BlockSource source, Cid cid, TipSet child) {
        return source.get(cid).orElseThrow(() -> new ChainSnapshotException("refusing the chain snapshot: it lacks "
            + "header " + cid + ", a parent of the tipset at height " + child.height()
            + "; a chain snapshot holds every header back to genesis"));
    }

    private static BlockHeader decodeHeader(Cid cid, byte[] data, String what) {
        try {
            return BlockHeader.CODEC.decode(data);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ChainSnapshotException("refusing the chain snapshot: " + what + " " + cid
                + " is not a block header: " + e.getMessage(), e);
        }
    }

    private static TipSet tipSetOf(List<BlockHeader> headers, String what) {
        try {
            return TipSet.of(headers);
        } catch (InvalidTipSetException e) {
            throw new ChainSnapshotException("refusing the chain snapshot: " + what + " do not form a tipset: "
                + e.getMessage(), e);
        }
    }
}

package dev.granary.chain.store;

import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.TipSet;
import dev.granary.chain.types.TipSetKey;
import dev.granary.kv.ColumnFamily;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The chain as stored: block headers by CID, an index from height to the tipset at that height on
 * the current chain, and the head pointer.
 *
 * <p>{@link #setHead} writes a tipset's headers, its index entry and the head pointer in one
 * RocksDB write batch, fsync'd: after a crash the store holds either the previous head with its
 * index or the new one with its index, never a head whose blocks or index entry are missing.
 * Heights without an index entry are null rounds; reading one gives the nearest earlier tipset, as
 * Lotus' ChainGetTipSetByHeight does.
 */
public final class ChainStore {

    private final KvStore kv;
    private final ColumnFamilyHandle column;
    private final BlockStore blocks;

    public ChainStore(KvStore kv) {
        this.kv = kv;
        this.column = kv.handle(ColumnFamily.CHAIN_BLOCKS);
        this.blocks = new BlockStore(kv);
    }

    public BlockStore blocks() {
        return blocks;
    }

    /**
     * Makes {@code tipSet} the head, atomically. Its parent tipset must already be stored (written by
     * an earlier setHead), unless it is a genesis tipset. The height index is rewritten in the same
     * batch for every tipset from the new head back to where it joins the indexed chain (one entry for
     * an extension, the whole fork for a reorganisation), with the null rounds between them cleared;
     * when the new head is lower than the old one, every entry above it is removed too.
     */
    public void setHead(TipSet tipSet) {
        Optional<TipSet> oldHead = head();
        try (WriteBatch batch = new WriteBatch()) {
            for (BlockHeader block : tipSet.blocks()) {
                blocks.stage(batch, block.cid(), block.toCbor());
            }
            reindex(batch, tipSet);
            if (oldHead.isPresent() && oldHead.get().height() > tipSet.height()) {
                batch.deleteRange(column, ChainKeys.height(tipSet.height() + 1), ChainKeys.height(oldHead.get().height() + 1));
            }
            batch.put(column, ChainKeys.HEAD, tipSet.key().bytes());
            kv.write(batch);
        } catch (RocksDBException e) {
            throw new KvStore.KvException("building the write batch for head " + tipSet + ": " + e.getMessage(), e);
        }
    }

    /** Indexes {@code tipSet} and its ancestors down to the first one the index already names. */
    private void reindex(WriteBatch batch, TipSet tipSet) throws RocksDBException {
        TipSet current = tipSet;
        while (true) {
            TipSet parent = current.isGenesis() ? null : requireStoredParent(current);
            long parentHeight = parent == null ? -1 : parent.height();
            batch.deleteRange(column, ChainKeys.height(parentHeight + 1), ChainKeys.height(current.height()));
            batch.put(column, ChainKeys.height(current.height()), current.key().bytes());
            if (parent == null || isIndexed(parent)) {
                return;
            }
            current = parent;
        }
    }

    private boolean isIndexed(TipSet tipSet) {
        byte[] key = kv.get(ColumnFamily.CHAIN_BLOCKS, ChainKeys.height(tipSet.height()));
        return key != null && TipSetKey.fromBytes(key).equals(tipSet.key());
    }

    private TipSet requireStoredParent(TipSet tipSet) {
        TipSet parent = loadTipSet(tipSet.parents()).orElseThrow(() -> new ChainStoreException("cannot make "
            + tipSet + " the head: its parent tipset " + tipSet.parents() + " is not stored; set the parent as head first"));
        if (parent.height() >= tipSet.height()) {
            throw new ChainStoreException("cannot make " + tipSet + " the head: its parent is at height "
                + parent.height() + ", not below it");
        }
        return parent;
    }

    /** The head tipset; empty before genesis is written. */
    public Optional<TipSet> head() {
        return Optional.ofNullable(kv.get(ColumnFamily.CHAIN_BLOCKS, ChainKeys.HEAD))
            .map(bytes -> requireTipSet(TipSetKey.fromBytes(bytes), "head"));
    }

    /** The tipset whose blocks are {@code key}, if all of them are stored. */
    public Optional<TipSet> loadTipSet(TipSetKey key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<BlockHeader> headers = new ArrayList<>(key.cids().size());
        for (Cid cid : key.cids()) {
            Optional<BlockHeader> header = blocks.get(cid, BlockHeader.CODEC);
            if (header.isEmpty()) {
                return Optional.empty();
            }
            headers.add(header.get());
        }
        return Optional.of(TipSet.of(headers));
    }

    /**
     * The block header stored under {@code cid}; empty when nothing is stored under it or the block
     * there is not a header (a message, a MsgMeta, an AMT node: the CID names those bytes, no header).
     */
    public Optional<BlockHeader> block(Cid cid) {
        return blocks.get(cid).flatMap(bytes -> {
            try {
                return Optional.of(BlockHeader.CODEC.decode(bytes));
            } catch (IllegalArgumentException | IllegalStateException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The tipset at {@code height} on the current chain or, if that height was a null round, the
     * nearest earlier one. Empty before genesis; a height above the head gives the head.
     */
    public Optional<TipSet> tipSetAtOrBefore(long height) {
        if (height < 0) {
            throw new IllegalArgumentException("chain height must be non-negative, got " + height);
        }
        Optional<TipSet> head = head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        // Walks down by point lookups: null rounds are short runs, and KvStore offers no iterator.
        for (long h = Math.min(height, head.get().height()); h >= 0; h--) {
            byte[] key = kv.get(ColumnFamily.CHAIN_BLOCKS, ChainKeys.height(h));
            if (key != null) {
                return Optional.of(requireTipSet(TipSetKey.fromBytes(key), "index entry at height " + h));
            }
        }
        return Optional.empty();
    }

    /** The parent of {@code tipSet}; empty for genesis. */
    public Optional<TipSet> parent(TipSet tipSet) {
        return tipSet.isGenesis() ? Optional.empty() : Optional.of(requireTipSet(tipSet.parents(), "parent of " + tipSet));
    }

    /** {@code from} and its ancestors, newest first, at most {@code limit} tipsets. */
    public List<TipSet> walkBack(TipSet from, int limit) {
        List<TipSet> chain = new ArrayList<>();
        Optional<TipSet> current = Optional.of(from);
        while (current.isPresent() && chain.size() < limit) {
            chain.add(current.get());
            current = parent(current.get());
        }
        return chain;
    }

    private TipSet requireTipSet(TipSetKey key, String what) {
        return loadTipSet(key).orElseThrow(() -> new ChainStoreException("the " + what + " names tipset " + key
            + " whose blocks are not all stored; the chain store is damaged: restore it from a snapshot"));
    }
}

package dev.granary.chain.store;

import dev.granary.car.CarReader;
import dev.granary.car.CarWriter;
import dev.granary.cbor.CborCodecs;
import dev.granary.chain.amt.Amt;
import dev.granary.chain.state.TrieWalk;
import dev.granary.chain.types.BlockHeader;
import dev.granary.chain.types.MsgMeta;
import dev.granary.chain.types.TipSet;
import dev.granary.kv.KvStore;
import dev.granary.multiformats.Cid;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A chain as one CARv1, the way Lotus' snapshots start: the roots are the head tipset's block CIDs.
 * The blocks follow in this order, each once, every block after the block that links to it:
 * <ol>
 * <li>the block headers, tipset by tipset from the head back to genesis;</li>
 * <li>per head block: its MsgMeta, the BLS messages' AMT and messages, the secp256k1 messages'
 * AMT and messages;</li>
 * <li>the head's parent receipts AMT;</li>
 * <li>the state trie at the head's ParentStateRoot, parents before children.</li>
 * </ol>
 * Chain objects live in chain-blocks, trie nodes in chain-state. Unlike Lotus' snapshots, older
 * tipsets' messages, receipts and state roots are not included: the devnet needs only the head's
 * state to carry on.
 */
public final class ChainSnapshot {

    private ChainSnapshot() {
    }

    /** Writes the snapshot of the chain ending at {@code head} and returns how many blocks it holds. */
    public static long export(KvStore kv, TipSet head, OutputStream out) {
        ChainStore chain = new ChainStore(kv);
        Set<Cid> written = new HashSet<>();
        long[] count = {0};
        try (CarWriter car = new CarWriter(out, head.key().cids())) {
            BiConsumer<Cid, byte[]> put = (cid, data) -> {
                if (written.add(cid)) {
                    car.put(cid, data);
                    count[0]++;
                }
            };
            writeHeaders(chain, head, put);
            for (BlockHeader block : head.blocks()) {
                writeMessages(chain.blocks(), block, put);
            }
            for (Cid receipts : distinct(head, BlockHeader::parentMessageReceipts)) {
                Amt.forEachBlock(chain.blocks()::get, receipts, put);
            }
            for (Cid stateRoot : distinct(head, BlockHeader::parentStateRoot)) {
                TrieWalk.forEachNode(kv, stateRoot, put);
            }
        }
        return count[0];
    }

    /**
     * Reads a snapshot written by {@link #export}, stores its blocks and returns its head tipset, once
     * it has checked that the state trie arrived whole ({@code MissingNodeException} otherwise), that
     * every header back to genesis and the head's messages and receipts are in it, and that nothing
     * else is ({@link ChainSnapshotException} otherwise). The head pointer is never moved: the caller
     * makes the tipset the head with {@link ChainStore#setHead}. A refused snapshot may leave some of
     * its blocks behind, unreferenced.
     */
    public static TipSet importCar(KvStore kv, InputStream in) {
        return new SnapshotImport(kv, CarReader.open(in)).run();
    }

    private static void writeHeaders(ChainStore chain, TipSet head, BiConsumer<Cid, byte[]> put) {
        TipSet tipSet = head;
        while (true) {
            for (BlockHeader block : tipSet.blocks()) {
                put.accept(block.cid(), block.toCbor());
            }
            if (tipSet.isGenesis()) {
                return;
            }
            TipSet child = tipSet;
            tipSet = chain.loadTipSet(child.parents()).orElseThrow(() -> new ChainSnapshotException("cannot export "
                + "the chain: the parent " + child.parents() + " of the tipset at height " + child.height()
                + " is not stored; export from a store holding every header back to genesis"));
        }
    }

    private static void writeMessages(BlockStore blocks, BlockHeader block, BiConsumer<Cid, byte[]> put) {
        byte[] meta = requireBlock(blocks, block.messages(), "message list (MsgMeta) of head block " + block.cid());
        put.accept(block.messages(), meta);
        MsgMeta lists = MsgMeta.CODEC.decode(meta);
        for (Cid amt : List.of(lists.blsMessages(), lists.secpkMessages())) {
            Amt.forEachBlock(blocks::get, amt, put);
            for (Cid message : Amt.read(blocks::get, amt, CborCodecs.CID)) {
                put.accept(message, requireBlock(blocks, message, "message of head block " + block.cid()));
            }
        }
    }

    private static byte[] requireBlock(BlockStore blocks, Cid cid, String what) {
        return blocks.get(cid).orElseThrow(() -> new ChainSnapshotException("cannot export the chain: " + what + ", "
            + cid + ", is not stored; the producer stores a block's messages before its header"));
    }

    static Set<Cid> distinct(TipSet tipSet, Function<BlockHeader, Cid> field) {
        Set<Cid> cids = new LinkedHashSet<>();
        tipSet.blocks().forEach(block -> cids.add(field.apply(block)));
        return cids;
    }
}

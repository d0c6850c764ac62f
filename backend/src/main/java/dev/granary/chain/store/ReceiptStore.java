package dev.granary.chain.store;

import dev.granary.chain.amt.Amt;
import dev.granary.chain.amt.BlockSource;
import dev.granary.chain.amt.MemoryBlocks;
import dev.granary.chain.types.MessageReceipt;
import dev.granary.multiformats.Cid;
import java.util.List;
import java.util.Optional;

/**
 * A tipset's receipts as Lotus stores them: an AMT whose value {@code i} is the receipt of the
 * tipset's {@code i}-th applied message, receipts inline. Its root is the ParentMessageReceipts of
 * the tipset's children. A malformed or incomplete AMT is an {@code AmtException}.
 */
public final class ReceiptStore {

    private final BlockStore blocks;

    public ReceiptStore(BlockStore blocks) {
        this.blocks = blocks;
    }

    /** Stores the receipts in one write batch and returns the AMT root; none gives {@link Amt#EMPTY_ROOT}. */
    public Cid put(List<MessageReceipt> receipts) {
        MemoryBlocks pending = new MemoryBlocks();
        Cid root = Amt.build(pending, receipts, MessageReceipt.CODEC);
        blocks.putAll(pending.blocks());
        return root;
    }

    /** Every receipt under {@code root}, in message order. */
    public List<MessageReceipt> receipts(Cid root) {
        return read(blocks::get, root);
    }

    /** The receipt of message {@code index} (Lotus' GetParentReceipt); empty past the last one. */
    public Optional<MessageReceipt> receipt(Cid root, long index) {
        return Amt.get(blocks::get, root, index, MessageReceipt.CODEC);
    }

    static List<MessageReceipt> read(BlockSource source, Cid root) {
        return Amt.read(source, root, MessageReceipt.CODEC);
    }
}

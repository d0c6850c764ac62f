package dev.granary.chain.types;

import dev.granary.fil.BigInt;
import dev.granary.multiformats.Cid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of blocks at one height with the same parents (Lotus types.TipSet). The blocks are kept in
 * Lotus' canonical order, whatever order they are given in: by the blake2b-256 digest of their
 * ticket's VRF proof, and, only between equal tickets, by the bytes of their CIDs. That order gives
 * the {@link #key()} and decides whose ticket is the tipset's ({@link #minTicket()}).
 */
public final class TipSet {

    /** Lotus' tipsetSortFunc. A block without a ticket sorts as an empty proof. */
    static final Comparator<BlockHeader> CANONICAL_ORDER = (a, b) -> {
        Ticket ta = ticketOrEmpty(a);
        Ticket tb = ticketOrEmpty(b);
        if (ta.equals(tb)) {
            return Arrays.compareUnsigned(a.cid().bytes(), b.cid().bytes());
        }
        return ta.compareByDigest(tb);
    };

    private final List<BlockHeader> blocks;
    private final TipSetKey key;

    private TipSet(List<BlockHeader> blocks) {
        this.blocks = List.copyOf(blocks);
        this.key = new TipSetKey(this.blocks.stream().map(BlockHeader::cid).toList());
    }

    /**
     * The tipset of {@code blocks}, in canonical order. Rejects an empty list, blocks at different
     * heights, blocks with different parents and the same block twice.
     */
    public static TipSet of(List<BlockHeader> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            throw new InvalidTipSetException("a tipset needs at least one block");
        }
        BlockHeader first = blocks.getFirst();
        Set<Cid> seen = new HashSet<>();
        for (BlockHeader block : blocks) {
            requireSameHeight(first, block);
            requireSameParents(first, block);
            if (!seen.add(block.cid())) {
                throw new InvalidTipSetException("block " + block.cid() + " appears twice; a tipset lists each block once");
            }
        }
        List<BlockHeader> sorted = new ArrayList<>(blocks);
        sorted.sort(CANONICAL_ORDER);
        return new TipSet(sorted);
    }

    public static TipSet of(BlockHeader... blocks) {
        return of(List.of(blocks));
    }

    private static void requireSameHeight(BlockHeader first, BlockHeader block) {
        if (block.height() != first.height()) {
            throw new InvalidTipSetException("blocks at heights " + first.height() + " and " + block.height()
                + " cannot form a tipset; all blocks of a tipset share one height");
        }
    }

    private static void requireSameParents(BlockHeader first, BlockHeader block) {
        if (!block.parents().equals(first.parents())) {
            throw new InvalidTipSetException("block " + block.cid() + " has parents " + new TipSetKey(block.parents())
                + " but block " + first.cid() + " has " + new TipSetKey(first.parents())
                + "; all blocks of a tipset share their parents");
        }
    }

    private static Ticket ticketOrEmpty(BlockHeader block) {
        return block.ticket() == null ? new Ticket(new byte[0]) : block.ticket();
    }

    /** The blocks in canonical order. */
    public List<BlockHeader> blocks() {
        return blocks;
    }

    public TipSetKey key() {
        return key;
    }

    public long height() {
        return blocks.getFirst().height();
    }

    public TipSetKey parents() {
        return new TipSetKey(blocks.getFirst().parents());
    }

    public BigInt parentWeight() {
        return blocks.getFirst().parentWeight();
    }

    public Cid parentStateRoot() {
        return blocks.getFirst().parentStateRoot();
    }

    /** The smallest ticket: the first block's, by canonical order. Chain randomness draws from it. */
    public Ticket minTicket() {
        return blocks.getFirst().ticket();
    }

    public long minTimestamp() {
        return blocks.stream().mapToLong(BlockHeader::timestamp).min().orElseThrow();
    }

    public boolean isGenesis() {
        return blocks.getFirst().parents().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TipSet t && key.equals(t.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "TipSet[height " + height() + ", " + key + "]";
    }
}
